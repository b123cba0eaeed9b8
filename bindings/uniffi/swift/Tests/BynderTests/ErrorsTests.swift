import XCTest
import Bynder

/// Failing calls surface as `BynderError` cases carrying status, request id and operation.
final class ErrorsTests: XCTestCase {
    func testMalformedIdentifiersAreInvalidIdBeforeAnyRequest() async throws {
        let mock = MockPortal.main
        let client = try permanentClient()
        let before = try mock.requests()
        for id in ["not-an-id", "", "12345", "../../etc/passwd"] {
            let error = await assertThrowsBynder(try await client.mediaGet(id: id), {
                if case .InvalidId = $0 { return true } else { return false }
            })
            XCTAssertEqual(error?.code(), 2)
        }
        XCTAssertEqual(try mock.requests(), before)
    }

    func testAnUnknownAssetIsNotFound() async throws {
        let client = try permanentClient()
        let error = await assertThrowsBynder(try await client.mediaGet(id: "00000000-0000-0000-0000000000000000"), {
            if case .NotFound = $0 { return true } else { return false }
        })
        let info = try XCTUnwrap(error.map(fields))
        XCTAssertEqual(info.status, 404)
        XCTAssertEqual(info.operation, "media.get")
        XCTAssertNotNil(info.requestId)
        XCTAssertEqual(error?.code(), 12)
        XCTAssertEqual(error?.kindName(), "not_found")
        XCTAssertEqual(error?.isTransient(), false)
        XCTAssertEqual(String(describing: error!),
                       "media.get: not_found (HTTP 404): \(info.detail) [request id \(info.requestId!)]")
    }

    func testCallerMistakesAreTyped() async throws {
        let client = try permanentClient()
        await assertThrowsBynder(try await client.call(operation: "media.fly", paramsJson: "{}"), {
            if case .UnknownOperation = $0 { return true } else { return false }
        })
        for params in ["{not json", "[1]", "42"] {
            await assertThrowsBynder(try await client.call(operation: "media.list", paramsJson: params), {
                if case .InvalidArgument = $0 { return true } else { return false }
            })
        }
    }

    func testServerErrorsAfterRetriesAreServerAndTransient() async throws {
        let mock = MockPortal.main
        let once = try BynderClient(config: ClientConfig(
            portalUrl: mock.httpUrl, credentials: Credentials.permanentToken(token: mock.permanentToken),
            maxAttempts: 1, rateLimit: .unlimited))
        try mock.fault(#"{"status": 503}"#, operation: "media.list", times: 1)
        defer { try? mock.clearFaults() }
        let error = await assertThrowsBynder(try await once.mediaList(), {
            if case .Server = $0 { return true } else { return false }
        })
        XCTAssertEqual(error?.isTransient(), true)
    }

    func testAPortalThatIsNotThereIsNetwork() async throws {
        let nowhere = try BynderClient(config: ClientConfig(
            portalUrl: "http://127.0.0.1:9", credentials: Credentials.permanentToken(token: "t"), maxAttempts: 1))
        await assertThrowsBynder(try await nowhere.currentUser(), {
            if case .Network = $0 { return true } else { return false }
        })
    }
}
