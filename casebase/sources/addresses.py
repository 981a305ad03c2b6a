"""Which network addresses a user-submitted URL may reach: public unicast only."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# NAT64 and 6to4 prefixes embed an IPv4 address that must itself be public.
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_SIX_TO_FOUR = ipaddress.ip_network("2002::/16")


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    return None


def is_public_address(value: str | IPAddress) -> bool:
    """True only for globally routable unicast addresses.

    Refuses loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local
    (169.254/16 with the cloud metadata address, fe80::/10), multicast, reserved, unspecified,
    shared (100.64/10) and any IPv6 form that embeds such an IPv4 address (::ffff:127.0.0.1).
    """
    ip = ipaddress.ip_address(value.split("%", 1)[0] if isinstance(value, str) else value)
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(ip)
        if embedded is not None:
            return is_public_address(embedded)
    return not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or not ip.is_global
    )


def in_networks(value: str, networks: Iterable[str]) -> bool:
    """True when ``value`` lies in one of ``networks`` (CIDR or single addresses)."""
    ip = ipaddress.ip_address(value.split("%", 1)[0])
    return any(ip in ipaddress.ip_network(net, strict=False) for net in networks)
