import XCTest
import Bynder

/// The operation table as Swift sees it: the same one `call` runs.
final class CatalogTests: XCTestCase {
    func testOperationsDescribeTheCoresTableTypedAndAsJson() throws {
        let typed = Bynder.operations()
        let raw = try XCTUnwrap(try json(operationsJson()) as? [[String: Any]])
        XCTAssertEqual(raw.count, typed.count)
        XCTAssertGreaterThanOrEqual(typed.count, 30)
        XCTAssertEqual(raw.compactMap { $0["name"] as? String }, typed.map(\.name))
        let get = try XCTUnwrap(typed.first { $0.name == "media.get" })
        XCTAssertEqual(get.group, "media")
        XCTAssertEqual(get.method, "GET")
        XCTAssertTrue(get.scopes.contains("asset:read"))
        XCTAssertEqual(typed.first { $0.name == "media.list" }?.paging, "page_limit")
        XCTAssertEqual(Set(typed.map(\.name)).count, typed.count)
    }

    func testScopesAndVersion() {
        XCTAssertTrue(Bynder.scopes().contains("asset:read"))
        XCTAssertFalse(libraryVersion().isEmpty)
    }
}
