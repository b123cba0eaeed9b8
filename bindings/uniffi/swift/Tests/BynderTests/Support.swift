import Foundation
import XCTest
import Bynder

/// Reading the JSON the library answers.
func json(_ text: String) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
}

/// A client of `portal` with its permanent token and no client-side pacing (the mock has none).
func permanentClient(_ portal: MockPortal = .main, token: String? = nil) throws -> BynderClient {
    try BynderClient(config: ClientConfig(
        portalUrl: portal.httpUrl,
        credentials: Credentials.permanentToken(token: token ?? portal.permanentToken),
        rateLimit: .unlimited
    ))
}

/// Asserts that `body` throws the `BynderError` case `matching` accepts; answers the error.
@discardableResult
func assertThrowsBynder<T>(_ body: @autoclosure () async throws -> T, _ matching: (BynderError) -> Bool,
                           file: StaticString = #filePath, line: UInt = #line) async -> BynderError? {
    do {
        _ = try await body()
        XCTFail("expected a BynderError, the call succeeded", file: file, line: line)
    } catch let error as BynderError {
        XCTAssertTrue(matching(error), "unexpected \(error)", file: file, line: line)
        return error
    } catch {
        XCTFail("expected a BynderError, got \(error)", file: file, line: line)
    }
    return nil
}

/// The fields every `BynderError` case carries.
func fields(_ error: BynderError) -> (detail: String, status: UInt16?, requestId: String?, operation: String?) {
    switch error {
    case .InvalidArgument(let d, let s, let r, let o), .InvalidId(let d, let s, let r, let o),
         .UnknownOperation(let d, let s, let r, let o), .Authentication(let d, let s, let r, let o),
         .Forbidden(let d, let s, let r, let o), .NotFound(let d, let s, let r, let o),
         .Conflict(let d, let s, let r, let o), .Validation(let d, let s, let r, let o),
         .RateLimited(let d, let s, let r, let o), .Server(let d, let s, let r, let o),
         .UnexpectedStatus(let d, let s, let r, let o), .Network(let d, let s, let r, let o),
         .Timeout(let d, let s, let r, let o), .Decode(let d, let s, let r, let o),
         .OAuth(let d, let s, let r, let o), .OAuthState(let d, let s, let r, let o),
         .Cancelled(let d, let s, let r, let o), .Io(let d, let s, let r, let o),
         .Integrity(let d, let s, let r, let o), .Internal(let d, let s, let r, let o):
        return (d, s, r, o)
    }
}

/// A file of `size` pseudo-random bytes.
func randomFile(_ dir: URL, _ name: String, size: Int, seed: UInt64 = 42) throws -> URL {
    var state = seed
    var bytes = [UInt8](repeating: 0, count: size)
    for i in 0..<size {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        bytes[i] = UInt8(truncatingIfNeeded: state >> 33)
    }
    let url = dir.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url
}

func temporaryDirectory() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bynder-swift-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}

/// An RFC 4122 id (8-4-4-4-12, lower case) from a ColdFusion one (8-4-4-16).
func rfc4122(_ coldFusion: String) -> String {
    let hex = Array(coldFusion.replacingOccurrences(of: "-", with: "").lowercased())
    func part(_ from: Int, _ to: Int) -> String { String(hex[from..<to]) }
    return [part(0, 8), part(8, 12), part(12, 16), part(16, 20), part(20, 32)].joined(separator: "-")
}

let coldFusionId = try! NSRegularExpression(pattern: "^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{16}$")

func isColdFusion(_ id: String) -> Bool {
    coldFusionId.firstMatch(in: id, range: NSRange(id.startIndex..., in: id)) != nil
}
