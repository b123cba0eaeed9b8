// A typed tour of the package, checked by `tsc --noEmit` in the test command (it is not run).
import { BynderError, Client, ErrorKind, type Media, type Token, type UploadEvent } from "bynder";

export async function tour(portal: string, permanentToken: string, file: Blob): Promise<string[]> {
  const client = new Client(portal, { permanentToken, timeoutMs: 30_000 });

  const media: Media = await client.media.get("8C1D6B43-D1E0-4A7F-9C6E0A3B2D1F4E5A");
  const names: string[] = [media.name ?? media.id];

  for await (const asset of client.media.iter({ limit: 100, type: "image" })) {
    names.push(asset.id);
  }
  for await (const page of client.collections.iterPages()) {
    names.push(`page ${page.number}: ${page.items.length}`);
  }

  const saved = await client.upload(file, {
    brandId: (await client.brands.list())[0].id,
    fileName: "photo.jpg",
    tags: ["typed"],
    onProgress: (event: UploadEvent) => {
      if (event.event === "chunkSent") names.push(`${event.sentBytes}/${event.totalBytes ?? "?"}`);
    },
    signal: AbortSignal.timeout(60_000),
  });
  const download = await client.download(saved.mediaId, { version: 1 });
  const bytes: Uint8Array = await download.bytes();
  names.push(`${download.fileName}: ${bytes.length}`);

  try {
    await client.media.get("not-an-id");
  } catch (error) {
    if (error instanceof BynderError && error.kind === ErrorKind.InvalidId) names.push(error.message);
  }
  return names;
}

export function browserLogin(portal: string): void {
  const saved = (token: Token) => sessionStorage.setItem("token", JSON.stringify(token));
  const client = new Client(portal, { clientId: "my-app", redirectUri: location.href, onToken: saved });
  const request = client.authorizationRequest(["offline", "asset:read"]);
  sessionStorage.setItem("request", JSON.stringify(request));
  location.assign(request.url);
}
