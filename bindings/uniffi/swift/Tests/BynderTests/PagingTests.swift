import XCTest
import Bynder

/// Pagers over list operations.
final class PagingTests: XCTestCase {
    func testAPagerWalksEveryAssetOnce() async throws {
        let client = try permanentClient()
        let total = Int(try await client.mediaList(query: MediaQuery(limit: 1, total: true)).total ?? 0)
        let pager = try client.pages(operation: "media.list", paramsJson: #"{"limit": 45}"#)
        var ids: [String] = []
        var numbers: [UInt32] = []
        while let page = try await pager.nextPage() {
            let items = try XCTUnwrap(try json(page.itemsJson) as? [[String: Any]])
            XCTAssertEqual(items.count, Int(page.count))
            numbers.append(page.number)
            ids += items.compactMap { $0["id"] as? String }
        }
        XCTAssertEqual(ids.count, total)
        XCTAssertEqual(Set(ids).count, ids.count)
        XCTAssertFalse(numbers.isEmpty)
        XCTAssertEqual(numbers, (0..<UInt32(numbers.count)).map { $0 + 1 })
        let after = try await pager.nextPage()
        XCTAssertNil(after)
    }

    func testAFailingPageEndsThePager() async throws {
        let pager = try permanentClient(token: "wrong").pages(operation: "media.list", paramsJson: #"{"limit": 5}"#)
        await assertThrowsBynder(try await pager.nextPage(), {
            if case .Authentication = $0 { return true } else { return false }
        })
        let after = try await pager.nextPage()
        XCTAssertNil(after)
    }

    func testBadPagerArgumentsAreRefused() async throws {
        let client = try permanentClient()
        await assertThrowsBynder(try client.pages(operation: "media.fly", paramsJson: "{}"), {
            if case .UnknownOperation = $0 { return true } else { return false }
        })
        await assertThrowsBynder(try client.pages(operation: "media.list", paramsJson: "{limit"), {
            if case .InvalidArgument = $0 { return true } else { return false }
        })
    }
}
