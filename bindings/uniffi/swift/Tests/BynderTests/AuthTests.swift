import Foundation
import XCTest
import Bynder

/// A token store the way an app writes one (here in memory; an app would use the Keychain).
final class MemoryStore: TokenStore, @unchecked Sendable {
    private let lock = NSLock()
    private var _stored: Token?
    private var _saved: [Token] = []

    init(stored: Token? = nil) { _stored = stored }

    var saved: [Token] { lock.lock(); defer { lock.unlock() }; return _saved }

    func load() throws -> Token? { lock.lock(); defer { lock.unlock() }; return _stored }

    func save(token: Token) throws {
        lock.lock(); defer { lock.unlock() }
        _saved.append(token)
        _stored = token
    }
}

private let redirect = "http://127.0.0.1:8765/callback"

private func query(_ url: String) -> [String: String] {
    var result: [String: String] = [:]
    for item in URLComponents(string: url)?.queryItems ?? [] { result[item.name] = item.value }
    return result
}

/// Each way to authenticate, against the mock's OAuth2 server.
final class AuthTests: XCTestCase {
    let mock = MockPortal.main
    let consenting = MockPortal.consenting

    func authorizationClient(store: TokenStore? = nil) throws -> BynderClient {
        try BynderClient(config: ClientConfig(
            portalUrl: consenting.httpUrl,
            credentials: Credentials.authorizationCode(clientId: consenting.clientId, redirectUri: redirect,
                                                       clientSecret: consenting.clientSecret),
            tokenStore: store,
            rateLimit: .unlimited
        ))
    }

    func testAPermanentTokenReadsTheCurrentUser() async throws {
        let client = try permanentClient()
        let user = try await client.currentUser()
        XCTAssertFalse(user.username?.isEmpty ?? true)
        let token = await client.token()
        XCTAssertNil(token)
    }

    func testAWrongPermanentTokenIsAuthentication() async throws {
        let client = try permanentClient(token: "wrong-token")
        let error = await assertThrowsBynder(try await client.mediaList(), {
            if case .Authentication = $0 { return true } else { return false }
        })
        XCTAssertEqual(error.map(fields)?.status, 401)
        XCTAssertEqual(error?.code(), 10)
    }

    func testClientCredentialsGetAScopedTokenAndAreRefusedOtherScopes() async throws {
        let before = try mock.grants("client_credentials")
        let store = MemoryStore()
        let client = try BynderClient(config: ClientConfig(
            portalUrl: mock.httpUrl,
            credentials: try Credentials.clientCredentials(clientId: mock.clientId, clientSecret: mock.clientSecret,
                                                           scopes: ["asset:read", "collection:read"]),
            tokenStore: store,
            rateLimit: .unlimited
        ))
        let page = try await client.mediaList(query: MediaQuery(limit: 2))
        XCTAssertEqual(page.media.count, 2)
        let token = await client.token()
        XCTAssertTrue(token?.scopes().contains("asset:read") ?? false)
        let forbidden = await assertThrowsBynder(
            try await client.mediaModify(id: page.media[0].id, update: MediaUpdate(name: "not allowed")),
            { if case .Forbidden = $0 { return true } else { return false } })
        XCTAssertEqual(forbidden.map(fields)?.status, 403)
        XCTAssertEqual(try mock.grants("client_credentials"), before + 1)
        XCTAssertEqual(store.saved.map { $0.accessToken() }, [token?.accessToken()].compactMap { $0 })
    }

    func testAuthorizationCodeWithPkceAndRefresh() async throws {
        let store = MemoryStore()
        let client = try authorizationClient(store: store)
        let request = try client.authorizationRequest(scopes: ["offline", "asset:read", "current.user:read"])
        let params = query(request.url())
        XCTAssertEqual(params["code_challenge_method"], "S256")
        XCTAssertEqual(params["state"], request.state())
        XCTAssertEqual(params["scope"], "offline asset:read current.user:read")

        let token = try await client.exchangeCode(request: request, redirectUrl: try consenting.consent(request.url()))
        XCTAssertNotNil(token.refreshToken())
        XCTAssertEqual(store.saved.map { $0.accessToken() }, [token.accessToken()])
        _ = try await client.currentUser()

        try consenting.fault("\"expire_token\"", operation: "users.current", times: 1)
        defer { try? consenting.clearFaults() }
        let refreshes = try consenting.grants("refresh_token")
        _ = try await client.currentUser()
        XCTAssertEqual(try consenting.grants("refresh_token"), refreshes + 1)
        XCTAssertEqual(store.saved.count, 2)
        XCTAssertNotEqual(store.saved[1].accessToken(), token.accessToken())
        XCTAssertEqual(store.saved[1].refreshToken(), token.refreshToken())
    }

    func testAStoredTokenIsLoadedWithoutANewGrant() async throws {
        let first = try authorizationClient()
        let request = try first.authorizationRequest(scopes: ["offline", "current.user:read"])
        let saved = try await first.exchangeCode(request: request, redirectUrl: try consenting.consent(request.url())).toJson()
        let grants = try consenting.statsJson()["token_grants"] as? [String: Int]
        let resumed = try authorizationClient(store: MemoryStore(stored: try Token.fromJson(json: saved)))
        _ = try await resumed.currentUser()
        XCTAssertEqual(try consenting.statsJson()["token_grants"] as? [String: Int], grants)
    }

    func testAForgedStateIsRefused() async throws {
        let client = try authorizationClient()
        let request = try client.authorizationRequest(scopes: ["asset:read"])
        let forged = try consenting.consent(request.url()).replacingOccurrences(of: request.state(), with: "forged")
        let grants = try consenting.grants("authorization_code")
        let error = await assertThrowsBynder(try await client.exchangeCode(request: request, redirectUrl: forged), {
            if case .OAuthState = $0 { return true } else { return false }
        })
        XCTAssertEqual(error?.code(), 31)
        XCTAssertEqual(try consenting.grants("authorization_code"), grants)
    }

    func testAnAuthorizationRequestSurvivesJson() async throws {
        let client = try authorizationClient()
        let request = try AuthorizationRequest.fromJson(json: try client.authorizationRequest(scopes: ["asset:read"]).toJson())
        let token = try await client.exchangeCode(request: request, redirectUrl: try consenting.consent(request.url()))
        XCTAssertFalse(token.accessToken().isEmpty)
        XCTAssertFalse(String(describing: token).contains(token.accessToken()))
    }

    func testAThrowingTokenStoreNeverCrashes() async throws {
        final class Broken: TokenStore, @unchecked Sendable {
            struct Locked: Error {}
            func load() throws -> Token? { throw Locked() }
            func save(token: Token) throws { throw Locked() }
        }
        await assertThrowsBynder(try authorizationClient(store: Broken()), {
            if case .InvalidArgument = $0 { return true } else { return false }
        })
        let client = try BynderClient(config: ClientConfig(
            portalUrl: mock.httpUrl,
            credentials: try Credentials.clientCredentials(clientId: mock.clientId, clientSecret: mock.clientSecret,
                                                           scopes: ["asset:read"]),
            tokenStore: Broken(),
            rateLimit: .unlimited
        ))
        let page = try await client.mediaList(query: MediaQuery(limit: 1))
        XCTAssertEqual(page.media.count, 1)
    }

    func testBadConfigurationsSayWhatIsWrong() async throws {
        let invalid: (BynderError) -> Bool = { if case .InvalidArgument = $0 { return true } else { return false } }
        await assertThrowsBynder(try BynderClient(config: ClientConfig(
            portalUrl: "http://acme.bynder.com", credentials: Credentials.permanentToken(token: "t"))), invalid)
        await assertThrowsBynder(try Credentials.clientCredentials(clientId: "c", clientSecret: "s", scopes: ["asset:fly"]), invalid)
        await assertThrowsBynder(try BynderClient(config: ClientConfig(
            portalUrl: mock.httpUrl, credentials: Credentials.permanentToken(token: "t"), timeout: 0)), invalid)
        await assertThrowsBynder(try BynderClient(config: ClientConfig(
            portalUrl: mock.httpUrl, credentials: Credentials.permanentToken(token: "t"), caPem: "nope")), invalid)
    }
}
