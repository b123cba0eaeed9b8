"""Quick start: read assets with a permanent token.

    BYNDER_PORTAL=https://acme.bynder.com BYNDER_TOKEN=... python quickstart.py
"""

from __future__ import annotations

import os

import bynder


def main() -> None:
    portal = os.environ["BYNDER_PORTAL"]
    token = os.environ["BYNDER_TOKEN"]
    with bynder.Client(portal, permanent_token=token) as client:
        brands = client.brands.list()
        print(f"{len(brands)} brands: {', '.join(b['name'] for b in brands)}")

        # One page, filtered: keywords are snake_case, lists become comma-separated.
        images = client.media.list(type=["image"], limit=5, order_by="dateCreated desc")
        for asset in images:
            print(f"- {asset['id']}  {asset['name']}")

        # Every asset, page after page (the next page is fetched while you work).
        count = sum(1 for _ in client.media.iter(limit=250))
        print(f"{count} assets in the portal")

        # Either UUID form works for an id.
        first = client.media.get(images[0]["id"].lower())
        print(f"first image: {first['name']} ({first.get('width')}x{first.get('height')})")


if __name__ == "__main__":
    main()
