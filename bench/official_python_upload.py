"""Uploads one file with the official Python SDK (bynder-sdk, old S3 flow) and prints one JSON
line: the transfer phase (parts + registrations), the whole call (finalise, its fixed 5 s poll
sleep, save), and the process's peak RSS. Run by scripts/bench-transfer.py.

usage: official_python_upload.py FILE HTTPS_DOMAIN TOKEN BRAND_ID
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time

from bynder_sdk import BynderClient
from bynder_sdk.client.upload_client import UploadClient


def main() -> None:
    path, domain, token, brand = sys.argv[1:5]
    client = BynderClient(domain, permanent_token=token)
    uploader = client.asset_bank_client.upload_client
    assert isinstance(uploader, UploadClient)
    started = time.perf_counter()
    init_data, total_parts = uploader._run_s3_upload(path)
    transferred = time.perf_counter()
    finalised = uploader._finalise_file(init_data, total_parts)
    saved = uploader._save_media(finalised["importId"], {"brandId": brand}, None)
    finished = time.perf_counter()
    size = os.path.getsize(path)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({
        "bytes": size,
        "transfer_seconds": transferred - started,
        "seconds": finished - started,
        "transfer_mb_per_s": size / 1e6 / (transferred - started),
        "mb_per_s": size / 1e6 / (finished - started),
        "peak_rss_kib": usage.ru_maxrss,
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        "media_id": saved.get("mediaid"),
    }))


if __name__ == "__main__":
    main()
