// OPNsense's own PHP (Core\Config, the DNat model, the firewall plugin) reads synfw's config.xml
// output, both layouts, and prints the pf rules the router would load; they must be exactly the
// plan's. See pf/README.md.
import { pfLabSuite } from './pf/suite.js';

pfLabSuite('opnsense', ['legacy', 'mvc']);
