"""Debian's chromium, as every browser test and screenshot script launches it (never a
downloaded browser; the flags keep it off the network this machine does not have)."""

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
