<?php
// Stands in for the one piece of the Phalcon extension (not packaged by Debian) that the models
// touch: OPNsense\Base\Validation::validate() runs a \Phalcon\Filter\Validation next to its own
// validators ("temporary dual validation") for validators implementing Phalcon's interface. No
// OPNsense model validator does, so it is always empty; this stand-in refuses any validator added
// to it, so a Phalcon validator could never be skipped unnoticed.

namespace Phalcon\Filter\Validation;

interface ValidatorInterface
{
}

namespace Phalcon\Filter;

class Validation
{
    public function add($field, $validator)
    {
        throw new \LogicException("the lab's Phalcon stand-in cannot run validator " . get_class($validator) . " for $field");
    }

    public function validate($data)
    {
        return [];
    }
}
