"""Upload a file with a progress bar, then download it again.

    BYNDER_PORTAL=... BYNDER_TOKEN=... python transfer.py photo.jpg
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import bynder
from bynder.models import DownloadEvent, UploadEvent


def show_upload(event: UploadEvent) -> None:
    if event.get("event") == "chunk_sent":
        total = event.get("total_bytes") or 0
        sent = event.get("sent_bytes", 0)
        print(f"\ruploading {sent * 100 // max(total, 1)}%", end="", flush=True)
    elif event.get("event") == "saved":
        print(f"\nsaved as {event.get('media_id')}")


def show_download(event: DownloadEvent) -> None:
    if event.get("event") == "finished":
        print(f"downloaded {event.get('bytes')} bytes")


def main() -> None:
    source = Path(sys.argv[1])
    with bynder.Client(os.environ["BYNDER_PORTAL"], permanent_token=os.environ["BYNDER_TOKEN"]) as client:
        brand = client.brands.list()[0]["id"]
        # A path (str or Path), bytes (with file_name=), or a binary file object all work.
        with source.open("rb") as handle:
            uploaded = client.upload(
                handle, brand_id=brand, name=source.stem, tags=["example"], on_progress=show_upload
            )
        copy = source.with_name(f"{source.stem}.copy{source.suffix}")
        done = client.download(uploaded["media_id"], copy, sha256=True, on_progress=show_download)
        assert done["sha256"] == uploaded["sha256"], "the copy differs"
        print(f"round trip ok: {copy}")


if __name__ == "__main__":
    main()
