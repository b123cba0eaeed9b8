import Foundation
import XCTest
import Bynder

/// A call per resource group through `call`, the typed methods, and the id forms.
final class ResourcesTests: XCTestCase {
    func testEveryResourceGroupAnswersThroughCall() async throws {
        let client = try permanentClient()
        let calls: [(String, String)] = [
            ("oauth.scopes", "{}"),
            ("media.list", #"{"limit": 3, "type": ["image"]}"#),
            ("collections.list", #"{"limit": 2}"#),
            ("tags.list", #"{"limit": 5}"#),
            ("metaproperties.list", #"{"options": true}"#),
            ("brands.list", ""),
            ("smartfilters.list", "null"),
            ("account.get", "{}"),
            ("users.current", "{}"),
            ("profiles.list", "{}"),
        ]
        let names = Set(Bynder.operations().map(\.name))
        for (operation, params) in calls {
            XCTAssertTrue(names.contains(operation), operation)
            let body = try json(try await client.call(operation: operation, paramsJson: params))
            switch operation {
            case "media.list":
                let media = try XCTUnwrap(body as? [[String: Any]])
                XCTAssertEqual(media.count, 3)
                XCTAssertTrue(media.allSatisfy { $0["type"] as? String == "image" })
            case "collections.list": XCTAssertEqual((body as? [Any])?.count, 2)
            case "tags.list": XCTAssertEqual((body as? [Any])?.count, 5)
            case "users.current": XCTAssertNotNil((body as? [String: Any])?["username"] as? String)
            default: XCTAssertFalse(body is NSNull, operation)
            }
        }
    }

    func testTypedMediaInBothIdForms() async throws {
        let client = try permanentClient()
        let page = try await client.mediaList(query: MediaQuery(types: ["image"], limit: 5, total: true))
        XCTAssertEqual(page.media.count, 5)
        XCTAssertGreaterThanOrEqual(page.total ?? 0, 5)
        let first = page.media[0]
        XCTAssertTrue(isColdFusion(first.id), first.id)
        let again = try await client.mediaGet(id: rfc4122(first.id))
        XCTAssertEqual(again.id, first.id)
        XCTAssertEqual(again.name, first.name)
    }

    func testAnEditIsVisibleToTheNextRead() async throws {
        let client = try permanentClient()
        let id = try await client.mediaList(query: MediaQuery(limit: 1, page: 4)).media[0].id
        try await client.mediaModify(id: id, update: MediaUpdate(name: "Renamed from Swift", tags: ["swift"]))
        let edited = try await client.mediaGet(id: id)
        XCTAssertEqual(edited.name, "Renamed from Swift")
        XCTAssertEqual(edited.tags, ["swift"])
    }

    func testTypedCollectionsBrandsTagsMetapropertiesAndUser() async throws {
        let client = try permanentClient()
        let collections = try await client.collectionsList(query: CollectionQuery(limit: 3))
        XCTAssertEqual(collections.count, 3)
        let one = try await client.collectionGet(id: collections[0].id)
        XCTAssertEqual(one.name, collections[0].name)
        let brands = try await client.brands()
        XCTAssertTrue(brands.contains { !$0.subBrands.isEmpty })
        let tags = try await client.tagsList(query: TagQuery(orderBy: "mediaCount desc", limit: 4))
        let counts = tags.map { $0.mediaCount ?? 0 }
        XCTAssertEqual(counts, counts.sorted(by: >))
        let metaproperties = try await client.metaproperties()
        XCTAssertTrue(metaproperties.contains { !$0.options.isEmpty })
        let user = try await client.currentUser()
        XCTAssertFalse(user.username?.isEmpty ?? true)
    }

    func testManyTasksShareOneClient() async throws {
        let client = try permanentClient()
        let ids = try await client.mediaList(query: MediaQuery(limit: 30)).media.map(\.id)
        let fetched = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for (index, id) in ids.enumerated() {
                group.addTask { (index, try await client.mediaGet(id: id).id) }
            }
            var result = [String](repeating: "", count: ids.count)
            for try await (index, id) in group { result[index] = id }
            return result
        }
        XCTAssertEqual(fetched, ids)
    }

    func testHttpsWithTheMocksCertificate() async throws {
        let mock = MockPortal.main
        let https = try BynderClient(config: ClientConfig(
            portalUrl: try XCTUnwrap(mock.httpsUrl),
            credentials: Credentials.permanentToken(token: mock.permanentToken),
            caPem: mock.certificatePem,
            rateLimit: .unlimited
        ))
        _ = try await https.currentUser()
        let untrusted = try BynderClient(config: ClientConfig(
            portalUrl: try XCTUnwrap(mock.httpsUrl),
            credentials: Credentials.permanentToken(token: mock.permanentToken),
            maxAttempts: 1,
            rateLimit: .unlimited
        ))
        await assertThrowsBynder(try await untrusted.currentUser(), {
            if case .Network = $0 { return true } else { return false }
        })
    }
}
