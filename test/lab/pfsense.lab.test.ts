// pfSense's own PHP (parse_xml_config, filter.inc) reads synfw's config.xml output and prints the
// pf rules the router would load; they must be exactly the plan's. See pf/README.md.
import { pfLabSuite } from './pf/suite.js';

pfLabSuite('pfsense', ['legacy']);
