"""OAuth2 authorization code with PKCE, for an app acting on behalf of a user.

Opens nothing by itself: prints the consent URL, then waits on a local redirect URI for the
portal to send the user back, exchanges the code, and saves the token to a file so the next run
resumes without asking (the refresh token renews it).

    BYNDER_PORTAL=... BYNDER_CLIENT_ID=... BYNDER_CLIENT_SECRET=... python authorization_code.py
"""

from __future__ import annotations

import http.server
import json
import os
from pathlib import Path

import bynder
from bynder.models import Token

REDIRECT_PORT = 8765
REDIRECT_URI = f"http://127.0.0.1:{REDIRECT_PORT}/callback"
TOKEN_FILE = Path.home() / ".bynder-token.json"


def wait_for_redirect() -> str:
    """Serves one request on the redirect URI and answers its full URL."""
    received: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            received.append(f"http://127.0.0.1:{REDIRECT_PORT}{self.path}")
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"You can close this window.")

    with http.server.HTTPServer(("127.0.0.1", REDIRECT_PORT), Handler) as server:
        server.handle_request()
    return received[0]


def save(token: Token) -> None:
    TOKEN_FILE.write_text(json.dumps(token))
    TOKEN_FILE.chmod(0o600)


def main() -> None:
    stored: Token | None = json.loads(TOKEN_FILE.read_text()) if TOKEN_FILE.exists() else None
    with bynder.Client(
        os.environ["BYNDER_PORTAL"],
        client_id=os.environ["BYNDER_CLIENT_ID"],
        client_secret=os.environ.get("BYNDER_CLIENT_SECRET"),
        redirect_uri=REDIRECT_URI,
        token=stored,
        on_token=save,
    ) as client:
        if stored is None:
            request = client.authorization_request(["offline", "asset:read", "current.user:read"])
            print(f"Open this URL and approve:\n  {request.url}")
            client.exchange_code(request, wait_for_redirect())
        me = client.users.current()
        print(f"signed in as {me.get('username')}")


if __name__ == "__main__":
    main()
