import Foundation
import XCTest
import Bynder

/// Collects a transfer's events (listeners are called on a library thread).
final class UploadEvents: UploadListener, @unchecked Sendable {
    private let lock = NSLock()
    private var _events: [UploadEvent] = []
    let started = DispatchSemaphore(value: 0)
    var events: [UploadEvent] { lock.lock(); defer { lock.unlock() }; return _events }

    func onEvent(event: UploadEvent) throws {
        lock.lock(); _events.append(event); lock.unlock()
        if case .started = event { started.signal() }
    }
}

final class DownloadEvents: DownloadListener, @unchecked Sendable {
    private let lock = NSLock()
    private var _events: [DownloadEvent] = []
    let started = DispatchSemaphore(value: 0)
    var events: [DownloadEvent] { lock.lock(); defer { lock.unlock() }; return _events }

    func onEvent(event: DownloadEvent) throws {
        lock.lock(); _events.append(event); lock.unlock()
        if case .started = event { started.signal() }
    }
}

private let mib = 1024 * 1024

/// Uploads and downloads with progress and cancellation, over real HTTP.
final class TransferTests: XCTestCase {
    let mock = MockPortal.main

    func brand(_ client: BynderClient) async throws -> String {
        try await client.brands()[0].id
    }

    func testAnUploadReportsProgressAndDownloadsBackIdentical() async throws {
        let client = try permanentClient()
        let dir = try temporaryDirectory()
        let file = try randomFile(dir, "swift-upload.bin", size: 3 * mib + 123)
        let listener = UploadEvents()
        let saved = try await client.upload(
            request: UploadRequest(path: file.path, brandId: try await brand(client), name: "Uploaded from Swift",
                                   tags: ["swift"], chunkSize: UInt64(mib), parallelism: 2),
            listener: listener
        )
        XCTAssertEqual(saved.bytes, UInt64(3 * mib + 123))
        XCTAssertEqual(saved.chunks, 4)
        guard case .started(_, let total, _, let chunks, _, _) = listener.events.first else {
            return XCTFail("the first event is not started: \(listener.events)")
        }
        XCTAssertEqual(total, saved.bytes)
        XCTAssertEqual(chunks, 4)
        XCTAssertEqual(listener.events.last, .saved(mediaId: saved.mediaId))

        let out = dir.appendingPathComponent("back")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let downloads = DownloadEvents()
        let done = try await client.download(
            request: DownloadRequest(mediaId: saved.mediaId, path: out.path, sha256: true), listener: downloads)
        XCTAssertEqual(done.sha256, saved.sha256)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: done.path)), try Data(contentsOf: file))
        XCTAssertEqual(downloads.events.last, .finished(bytes: saved.bytes))
    }

    func testTheS3FlowSavesAFileWithAMetapropertyOption() async throws {
        let client = try permanentClient()
        let property = try XCTUnwrap(try await client.metaproperties().first { !$0.options.isEmpty })
        let option = property.options[0].id
        let file = try randomFile(try temporaryDirectory(), "s3.bin", size: 5 * mib + 4096, seed: 3)
        let saved = try await client.upload(request: UploadRequest(
            path: file.path, brandId: try await brand(client), metaproperties: [property.id: [option]], flow: .s3))
        XCTAssertEqual(saved.flow, .s3)
        XCTAssertEqual(saved.chunks, 2)
        let asset = try await client.mediaGet(id: saved.mediaId)
        XCTAssertTrue(asset.propertyOptions.contains(option))
    }

    func testCancellingAnUploadStopsItBeforeItIsSaved() async throws {
        let client = try permanentClient()
        let dir = try temporaryDirectory()
        let file = try randomFile(dir, "slow.bin", size: 2 * mib)
        let brandId = try await brand(client)
        let saves = try mock.served("upload.save")
        try mock.fault(#"{"latency_ms": 4000}"#, operation: "upload.chunk")
        defer { try? mock.clearFaults() }
        let handle = CancelHandle()
        let listener = UploadEvents()
        let upload = Task {
            try await client.upload(request: UploadRequest(path: file.path, brandId: brandId, chunkSize: UInt64(mib)),
                                    listener: listener, cancel: handle)
        }
        XCTAssertEqual(listener.started.wait(timeout: .now() + 20), .success)
        let cancelledAt = Date()
        Thread.detachNewThread { handle.cancel() }
        await assertThrowsBynder(try await upload.value, {
            if case .Cancelled = $0 { return true } else { return false }
        })
        XCTAssertLessThan(Date().timeIntervalSince(cancelledAt), 3)
        XCTAssertEqual(try mock.served("upload.save"), saves)
    }

    func testCancellingADownloadLeavesNoFile() async throws {
        let client = try permanentClient()
        let dir = try temporaryDirectory()
        let id = try await client.upload(request: UploadRequest(
            path: try randomFile(dir, "big.bin", size: 4 * mib).path, brandId: try await brand(client))).mediaId
        try mock.fault(#"{"slow_body_ms": 300}"#, operation: "storage.download")
        defer { try? mock.clearFaults() }
        let handle = CancelHandle()
        let listener = DownloadEvents()
        let target = dir.appendingPathComponent("never.bin")
        let download = Task {
            try await client.download(request: DownloadRequest(mediaId: id, path: target.path),
                                      listener: listener, cancel: handle)
        }
        XCTAssertEqual(listener.started.wait(timeout: .now() + 20), .success)
        handle.cancel()
        await assertThrowsBynder(try await download.value, {
            if case .Cancelled = $0 { return true } else { return false }
        })
        XCTAssertFalse(FileManager.default.fileExists(atPath: target.path))
    }

    func testAListenerThatThrowsStopsTheUpload() async throws {
        final class Throwing: UploadListener, @unchecked Sendable {
            struct Broke: Error {}
            func onEvent(event: UploadEvent) throws {
                if case .chunkSent = event { throw Broke() }
            }
        }
        let client = try permanentClient()
        let file = try randomFile(try temporaryDirectory(), "listener.bin", size: 2 * mib)
        let brandId = try await brand(client)
        await assertThrowsBynder(try await client.upload(
            request: UploadRequest(path: file.path, brandId: brandId, chunkSize: UInt64(mib), parallelism: 1),
            listener: Throwing()), {
            if case .Cancelled = $0 { return true } else { return false }
        })
    }

    func testCancellingTheTaskDropsTheRequest() async throws {
        let client = try permanentClient()
        try mock.fault(#"{"latency_ms": 5000}"#, operation: "users.current", times: 1)
        defer { try? mock.clearFaults() }
        let start = Date()
        let call = Task { try await client.currentUser() }
        try await Task.sleep(nanoseconds: 300_000_000)
        call.cancel()
        _ = try? await call.value
        XCTAssertLessThan(Date().timeIntervalSince(start), 3)
        try mock.clearFaults()
        _ = try await client.currentUser()
    }
}
