"""Which media TimelineJS 3.9.11 can show for a URL, judged the way it judges it.

TimelineJS picks a media type with the first pattern of ``lookupMediaType``
(``src/js/media/MediaType.js``) that the URL matches, in order, and draws anything unmatched as an
``<img>``: an article page becomes a broken image. :data:`PATTERNS` are those patterns as the
browser evaluates them (a JavaScript string literal drops the backslash of ``\\.`` and ``\\/``, so
``"youtu\\.be"`` is the regular expression ``youtu.be``); ``tests/browser/test_timelinejs.py``
checks them against the real TimelineJS.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from casebase.core.web_urls import http_url

_I = re.IGNORECASE
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, flags))
    for name, pattern, flags in (
        ("youtube", r"^(https?:)?/*(www.|m.)?youtube|youtu.be", 0),
        ("vimeo", r"^(https?:)?/*(player.)?vimeo.com", 0),
        ("dailymotion", r"^(https?:)?/*(www.)?(dailymotion.com|dai.ly)", 0),
        ("vine", r"^(https?:)?/*(www.)?vine.co", 0),
        ("tiktok", r"^(https?:)?/*(www.)?tiktok.com/@[^/]+/video/\d+", 0),
        ("bluesky", r"^(https?:)?/*(www.)?bsky.app/profile/[^/]+/post/[^/?]+", 0),
        ("soundcloud", r"^(https?:)?/*(player.)?soundcloud.com", 0),
        ("twitter", r"^(https?:)?/*(www.)?(twitter|x).com", 0),
        ("twitterembed", r"<blockquote class=['\"]twitter-tweet['\"]", 0),
        (
            "googlemaps",
            r"google.+?/maps/@([-\d.]+),([-\d.]+),((?:[-\d.]+[zmayht],?)*)"
            r"|google.+?/maps/search/([\w\W]+)/@([-\d.]+),([-\d.]+),((?:[-\d.]+[zmayht],?)*)"
            r"|google.+?/maps/place/([\w\W]+)/@([-\d.]+),([-\d.]+),((?:[-\d.]+[zmayht],?)*)"
            r"|google.+?/maps/dir/([\w\W]+)/([\w\W]+)/@([-\d.]+),([-\d.]+),"
            r"((?:[-\d.]+[zmayht],?)*)",
            0,
        ),
        ("flickr", r"^(https?:)?/*(www.)?flickr.com/photos", 0),
        ("flickr", r"^(https?://)?flic.kr/.*", 0),
        ("instagram", r"^(https?:)?/*(www.)?(instagr.am|^(https?:)?/*(www.)?instagram.com)/p/", 0),
        (
            "profile",
            r"^(https?:)?/*(www.)?instagr.am/[a-zA-Z0-9]{2,}"
            r"|^(https?:)?/*(www.)?instagram.com/[a-zA-Z0-9]{2,}",
            0,
        ),
        ("documentcloud", r"documentcloud.org/", 0),
        (
            "wikipedia-image",
            r"^https://.+.wiki[mp]edia.org.+#/media/.+.(jpg|jpeg|png|gif|svg|webp)",
            0,
        ),
        (
            "wikipedia-image",
            r"^https://commons.wikimedia.org/wiki/File:.+.(jpg|jpeg|png|gif|svg|webp)",
            0,
        ),
        ("wikipedia", r"^(https?:)?/.+.wikipedia.org", 0),
        ("image", r"(jpg|jpeg|png|gif|svg|webp)(\?.*)?\Z", _I),
        ("imgur", r"^.*imgur.com/.+\Z|<blockquote class=['\"]imgur-embed-pub['\"]", _I),
        (
            "googledocs",
            r"^(https?:)?/*[^.]*.google.com/[^/]*/d/[^/]*/[^/]*?usp=shar.*"
            r"|^(https?:)?/*drive.google.com/open?id=[^&]*&authuser=0"
            r"|^(https?:)?//*drive.google.com/open\?id=[^&]*"
            r"|^(https?:)?/*[^.]*.googledrive.com/host/[^/]*/",
            0,
        ),
        ("pdf", r"^.*\.pdf(\?.*)?(#.*)?", 0),
        ("spotify", r"spotify", 0),
        ("iframe", r"iframe", 0),
        ("blockquote", r"blockquote", 0),
        ("video", r"(mp4|webm)(\?.*)?\Z", _I),
        ("wistia", r"https?://(.+)?(wistia\.com|wi\.st)/.*", _I),
        ("audio", r"(mp3|wav|m4a)(\?.*)?\Z", _I),
        ("imageblank", r"", 0),
    )
)

#: The types whose player TimelineJS builds from the URL alone with DOM properties (an ``<img>``,
#: ``<video>`` or ``<audio>`` source): nothing to fetch from a third party, nothing parsed out of
#: the URL into markup. Embeds that concatenate the URL into HTML (PDF, DailyMotion), need an API
#: (Flickr, Wikipedia...) or throw on an unexpected URL shape (Vimeo) are left out.
RENDERABLE = frozenset({"image", "video", "audio"})

# Characters a URL may keep as they are: RFC 3986's unreserved and reserved characters and "%",
# less the quote "'" (TimelineJS puts some media URLs inside '...' attributes of markup it builds).
_URL_SAFE = "-._~:/?#[]@!$&()*+,;=%"


def media_type(url: str) -> str:
    """The media type TimelineJS gives ``url`` (``"imageblank"``, an ``<img>``, for anything
    it does not recognise)."""
    return next(name for name, pattern in PATTERNS if pattern.search(url))


def renderable_media_url(url: str) -> str | None:
    """``url`` as media TimelineJS can show, or None: http(s) only, characters that could end a
    quoted attribute percent-encoded, and a type in :data:`RENDERABLE`."""
    checked = http_url(url)
    if checked is None:
        return None
    url = quote(checked, safe=_URL_SAFE)
    return url if media_type(url) in RENDERABLE else None
