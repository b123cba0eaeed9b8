import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest

/// A `bynder-mock serve` process for the tests (the Swift twin of the Kotlin tests' MockPortal).
///
/// The mock prints `listening http://…`, `listening https://…`, `certificate PATH`, then `ready`;
/// a mock that exits or stays silent fails with what it printed instead of hanging the run.
final class MockPortal: @unchecked Sendable {
    let httpUrl: String
    let httpsUrl: String?
    let certificatePem: String?
    let permanentToken: String
    let clientId: String
    let clientSecret: String
    private let process: Process

    /// The portal most tests use: rate limit off, HTTPS beside HTTP.
    static let main: MockPortal = start(["--no-rate-limit", "--tls", "--tls-port", "0"])
    /// A portal whose authorize endpoint redirects with a code at once.
    static let consenting: MockPortal = start(["--no-rate-limit", "--auto-consent"])

    private init(process: Process, httpUrl: String, httpsUrl: String?, certificatePem: String?,
                 permanentToken: String, clientId: String, clientSecret: String) {
        self.process = process
        self.httpUrl = httpUrl
        self.httpsUrl = httpsUrl
        self.certificatePem = certificatePem
        self.permanentToken = permanentToken
        self.clientId = clientId
        self.clientSecret = clientSecret
    }

    private static func binary() -> String {
        if let configured = ProcessInfo.processInfo.environment["BYNDER_MOCK_BIN"] {
            return configured
        }
        // Tests/BynderTests/MockPortal.swift -> the repository root, six levels up.
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<6 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("target/debug/bynder-mock").path
    }

    private static func secret(_ prefix: String) -> String {
        prefix + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    }

    static func start(_ extra: [String]) -> MockPortal {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bynder-mock-swift-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let certificate = dir.appendingPathComponent("cert.pem").path
        let tls = extra.contains("--tls")
        let token = secret("pt-"), clientId = secret("swift-client-"), clientSecret = secret("swift-secret-")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary())
        process.arguments = ["serve", "--port", "0"] + (tls ? ["--cert-out", certificate] : [])
            + ["--permanent-token", token, "--client-id", clientId, "--client-secret", clientSecret, "--seed", "7"]
            + extra
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            fatalError("cannot start bynder-mock at \(binary()): \(error); build it with `cargo build -p bynder-mock`")
        }

        // Lines arrive on a reader thread; the test thread waits for `ready` with a deadline.
        let lines = LineQueue()
        Thread.detachNewThread {
            var buffer = Data()
            while true {
                let chunk = stdout.fileHandleForReading.availableData
                if chunk.isEmpty { lines.close(); return }
                buffer.append(chunk)
                while let newline = buffer.firstIndex(of: 0x0A) {
                    lines.push(String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self))
                    buffer.removeSubrange(buffer.startIndex...newline)
                }
            }
        }
        var http: String?, https: String?, seen: [String] = []
        let deadline = Date().addingTimeInterval(60)
        while true {
            guard let line = lines.pop(until: deadline) else {
                process.terminate()
                fatalError("bynder-mock did not print `ready`; stdout: \(seen)")
            }
            seen.append(line)
            if line.hasPrefix("listening https://") {
                https = String(line.dropFirst("listening ".count))
            } else if line.hasPrefix("listening http://") {
                http = String(line.dropFirst("listening ".count))
            } else if line.trimmingCharacters(in: .whitespaces) == "ready" {
                break
            }
        }
        let pem = tls ? (try? String(contentsOfFile: certificate, encoding: .utf8)) : nil
        guard let httpUrl = http else { fatalError("no http listener in \(seen)") }
        let portal = MockPortal(process: process, httpUrl: httpUrl, httpsUrl: https, certificatePem: pem,
                                permanentToken: token, clientId: clientId, clientSecret: clientSecret)
        atexit_register(portal)
        return portal
    }

    // MARK: admin API (never counted or faulted)

    func statsJson() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: admin("GET", "/_mock/stats")) as? [String: Any] ?? [:]
    }

    func requests() throws -> Int { try statsJson()["requests"] as? Int ?? 0 }

    func served(_ operation: String) throws -> Int {
        (try statsJson()["by_operation"] as? [String: Any])?[operation] as? Int ?? 0
    }

    func grants(_ grant: String) throws -> Int {
        (try statsJson()["token_grants"] as? [String: Any])?[grant] as? Int ?? 0
    }

    /// Adds a fault rule; `fault` is the rule's `fault` value as JSON text.
    func fault(_ fault: String, operation: String? = nil, times: Int? = nil) throws {
        let target = operation.map { "{\"operation\":\"\($0)\"}" } ?? "\"all\""
        let timesPart = times.map { ",\"times\":\($0)" } ?? ""
        _ = try admin("POST", "/_mock/faults", body: "{\"target\":\(target),\"fault\":\(fault)\(timesPart)}")
    }

    func clearFaults() throws { _ = try admin("DELETE", "/_mock/faults") }

    /// Plays the user's browser on an auto-consent portal: the URL it redirects to.
    func consent(_ authorizationUrl: String) throws -> String {
        let (response, _) = try send(URLRequest(url: URL(string: authorizationUrl)!))
        guard (300..<400).contains(response.statusCode),
              let location = response.value(forHTTPHeaderField: "Location") else {
            throw MockError.unexpected("the authorize endpoint answered \(response.statusCode)")
        }
        return location
    }

    private func admin(_ method: String, _ path: String, body: String? = nil) throws -> Data {
        var request = URLRequest(url: URL(string: httpUrl + path)!)
        request.httpMethod = method
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (response, data) = try send(request)
        guard (200..<300).contains(response.statusCode) else {
            throw MockError.unexpected("\(method) \(path): \(response.statusCode) \(String(decoding: data, as: UTF8.self))")
        }
        return data
    }

    /// One request without following redirects, waited for synchronously.
    private func send(_ request: URLRequest) throws -> (HTTPURLResponse, Data) {
        let session = URLSession(configuration: .ephemeral, delegate: NoRedirects(), delegateQueue: nil)
        let done = DispatchSemaphore(value: 0)
        var result: Result<(HTTPURLResponse, Data), Error> = .failure(MockError.unexpected("no answer"))
        session.dataTask(with: request) { data, response, error in
            if let error {
                result = .failure(error)
            } else if let response = response as? HTTPURLResponse {
                result = .success((response, data ?? Data()))
            }
            done.signal()
        }.resume()
        done.wait()
        session.finishTasksAndInvalidate()
        return try result.get()
    }

    func stop() {
        if process.isRunning { process.terminate() }
    }
}

enum MockError: Error { case unexpected(String) }

private final class NoRedirects: NSObject, URLSessionTaskDelegate {
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        completionHandler(nil)
    }
}

/// Lines from the mock's stdout, handed from the reader thread to the waiting test.
private final class LineQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var lines: [String] = []
    private var closed = false

    func push(_ line: String) {
        condition.lock(); lines.append(line); condition.signal(); condition.unlock()
    }

    func close() {
        condition.lock(); closed = true; condition.broadcast(); condition.unlock()
    }

    func pop(until deadline: Date) -> String? {
        condition.lock()
        defer { condition.unlock() }
        while lines.isEmpty && !closed {
            if !condition.wait(until: deadline) { return nil }
        }
        return lines.isEmpty ? nil : lines.removeFirst()
    }
}

/// Stops every started mock when the test process exits.
private let started = StartedPortals()

private final class StartedPortals: @unchecked Sendable {
    private let lock = NSLock()
    private var portals: [MockPortal] = []
    init() { atexit { started.stopAll() } }
    func add(_ portal: MockPortal) { lock.lock(); portals.append(portal); lock.unlock() }
    func stopAll() { lock.lock(); portals.forEach { $0.stop() }; lock.unlock() }
}

private func atexit_register(_ portal: MockPortal) { started.add(portal) }
