<?php
// Stands in for PEAR's Net_IPv6, which Debian does not package: the methods pfSense calls, over
// PHP's inet_pton/inet_ntop. Same results as PEAR for well-formed addresses; "ip/len" is accepted
// where PEAR accepts it.

const NET_IPV6_UNKNOWN_TYPE = 1001;
const NET_IPV6_LOCAL_LINK = 51;

class Net_IPv6
{
    public static function removeNetmaskSpec($ip)
    {
        return explode('/', (string)$ip, 2)[0];
    }

    public static function getNetmaskSpec($ip)
    {
        $parts = explode('/', (string)$ip, 2);
        return $parts[1] ?? '';
    }

    private static function bin($ip)
    {
        $packed = @inet_pton(self::removeNetmaskSpec($ip));
        return ($packed !== false && strlen($packed) === 16) ? $packed : null;
    }

    private static function withSpec($text, $ip)
    {
        $spec = self::getNetmaskSpec($ip);
        return $spec === '' ? $text : "$text/$spec";
    }

    public static function checkIPv6($ip)
    {
        return self::bin($ip) !== null;
    }

    public static function compress($ip, $force = false)
    {
        $b = self::bin($ip);
        return $b === null ? $ip : self::withSpec(inet_ntop($b), $ip);
    }

    public static function uncompress($ip, $leadingZeros = false)
    {
        $b = self::bin($ip);
        if ($b === null) {
            return $ip;
        }
        $groups = str_split(bin2hex($b), 4);
        if (!$leadingZeros) {
            $groups = array_map(fn($g) => ltrim($g, '0') === '' ? '0' : ltrim($g, '0'), $groups);
        }
        return self::withSpec(implode(':', $groups), $ip);
    }

    public static function getNetmask($ip, $bits = null)
    {
        if ($bits === null) {
            $bits = (int)self::getNetmaskSpec($ip);
        }
        $b = self::bin($ip);
        $out = '';
        for ($i = 0; $i < 16; $i++) {
            $keep = max(0, min(8, $bits - 8 * $i));
            $out .= chr(ord($b[$i]) & ((0xff << (8 - $keep)) & 0xff));
        }
        return self::uncompress(inet_ntop($out));
    }

    public static function isInNetmask($ip, $netmask, $bits = null)
    {
        if ($bits === null) {
            $bits = (int)self::getNetmaskSpec($netmask);
        }
        return self::bin($ip) !== null && self::bin($netmask) !== null
            && self::getNetmask($ip, $bits) === self::getNetmask($netmask, $bits);
    }

    public static function getAddressType($ip)
    {
        $b = self::bin($ip);
        return ($b !== null && ord($b[0]) === 0xfe && (ord($b[1]) & 0xc0) === 0x80) ? NET_IPV6_LOCAL_LINK : NET_IPV6_UNKNOWN_TYPE;
    }
}
