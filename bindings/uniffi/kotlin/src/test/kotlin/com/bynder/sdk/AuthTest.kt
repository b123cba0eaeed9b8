package com.bynder.sdk

import kotlinx.coroutines.runBlocking
import java.net.URI
import java.net.URLDecoder
import java.util.concurrent.CopyOnWriteArrayList
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertNotEquals
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue

/** A token store the way an app writes one (here in memory). */
class MemoryStore(@Volatile var stored: Token? = null) : TokenStore {
    val saved = CopyOnWriteArrayList<Token>()
    override fun load(): Token? = stored
    override fun save(token: Token) {
        saved += token
        stored = token
    }
}

private const val REDIRECT = "http://127.0.0.1:8765/callback"

private fun query(url: String): Map<String, String> =
    URI(url).rawQuery.split("&").associate {
        val (k, v) = it.split("=", limit = 2)
        k to URLDecoder.decode(v, Charsets.UTF_8)
    }

/** Each way to authenticate, against the mock's OAuth2 server. */
class AuthTest {
    private val mock = MockPortal.main
    private val consenting = MockPortal.consenting

    @Test
    fun `a permanent token reads the current user and has no OAuth token`() = runBlocking {
        val client = permanentClient()
        assertTrue(client.currentUser().username!!.isNotEmpty())
        assertNull(client.token())
    }

    @Test
    fun `a wrong permanent token is an Authentication exception with status 401`() = runBlocking {
        val client = permanentClient(token = "wrong-token")
        val error = assertFailsWith<BynderException.Authentication> { client.mediaList() }
        assertEquals(401.toUShort(), error.status)
        assertEquals(10u, error.code())
    }

    @Test
    fun `client credentials get a scoped token, hand it to the store, and are refused other scopes`() = runBlocking {
        val before = mock.grants("client_credentials")
        val store = MemoryStore()
        val client = BynderClient(
            ClientConfig(
                portalUrl = mock.httpUrl,
                credentials = Credentials.clientCredentials(mock.clientId, mock.clientSecret, listOf("asset:read", "collection:read")),
                tokenStore = store,
                rateLimit = RateLimit.UNLIMITED,
            ),
        )
        val page = client.mediaList(MediaQuery(limit = 2u))
        assertEquals(2, page.media.size)
        client.collectionsList(CollectionQuery(limit = 1u))
        val token = assertNotNull(client.token())
        assertTrue("asset:read" in token.scopes(), "${token.scopes()}")
        val forbidden = assertFailsWith<BynderException.Forbidden> {
            client.mediaModify(page.media[0].id, MediaUpdate(name = "not allowed"))
        }
        assertEquals(403.toUShort(), forbidden.status)
        assertEquals(before + 1, mock.grants("client_credentials"))
        assertEquals(listOf(token.accessToken()), store.saved.map { it.accessToken() })
    }

    @Test
    fun `a revoked client-credentials token is renewed with a new grant`() = runBlocking {
        val store = MemoryStore()
        val client = BynderClient(
            ClientConfig(
                portalUrl = mock.httpUrl,
                credentials = Credentials.clientCredentials(mock.clientId, mock.clientSecret, listOf("asset:read")),
                tokenStore = store,
                rateLimit = RateLimit.UNLIMITED,
            ),
        )
        client.mediaList(MediaQuery(limit = 1u))
        mock.fault("\"expire_token\"", operation = "media.list", times = 1)
        try {
            assertEquals(1, client.mediaList(MediaQuery(limit = 1u)).media.size)
        } finally {
            mock.clearFaults()
        }
        assertEquals(1uL, client.stats().reauthentications)
        assertEquals(2, store.saved.size)
        assertNotEquals(store.saved[0].accessToken(), store.saved[1].accessToken())
    }

    @Test
    fun `authorization code with PKCE, refresh after revocation, and the store sees both tokens`() = runBlocking {
        val store = MemoryStore()
        val client = BynderClient(
            ClientConfig(
                portalUrl = consenting.httpUrl,
                credentials = Credentials.authorizationCode(consenting.clientId, REDIRECT, consenting.clientSecret),
                tokenStore = store,
                rateLimit = RateLimit.UNLIMITED,
            ),
        )
        val request = client.authorizationRequest(listOf("offline", "asset:read", "current.user:read"))
        val params = query(request.url())
        assertEquals("S256", params["code_challenge_method"])
        assertEquals(request.state(), params["state"])
        assertEquals("offline asset:read current.user:read", params["scope"])
        assertEquals(REDIRECT, request.redirectUri())

        val token = client.exchangeCode(request, consenting.consent(request.url()))
        assertNotNull(token.refreshToken())
        assertEquals(listOf(token.accessToken()), store.saved.map { it.accessToken() })
        assertTrue(client.currentUser().username!!.isNotEmpty())

        consenting.fault("\"expire_token\"", operation = "users.current", times = 1)
        val refreshes = consenting.grants("refresh_token")
        try {
            assertTrue(client.currentUser().username!!.isNotEmpty())
        } finally {
            consenting.clearFaults()
        }
        assertEquals(refreshes + 1, consenting.grants("refresh_token"))
        assertEquals(2, store.saved.size)
        assertNotEquals(token.accessToken(), store.saved[1].accessToken())
        assertEquals(token.refreshToken(), store.saved[1].refreshToken(), "Bynder keeps the refresh token")
    }

    @Test
    fun `a stored token is loaded from the store and used without a new grant`() = runBlocking {
        val first = BynderClient(
            ClientConfig(
                portalUrl = consenting.httpUrl,
                credentials = Credentials.authorizationCode(consenting.clientId, REDIRECT, consenting.clientSecret),
                rateLimit = RateLimit.UNLIMITED,
            ),
        )
        val request = first.authorizationRequest(listOf("offline", "current.user:read"))
        val saved = first.exchangeCode(request, consenting.consent(request.url())).toJson()

        val grants = parseJson(consenting.statsJson()).obj["token_grants"]
        val store = MemoryStore(stored = Token.fromJson(saved))
        val resumed = BynderClient(
            ClientConfig(
                portalUrl = consenting.httpUrl,
                credentials = Credentials.authorizationCode(consenting.clientId, REDIRECT, consenting.clientSecret),
                tokenStore = store,
                rateLimit = RateLimit.UNLIMITED,
            ),
        )
        assertTrue(resumed.currentUser().username!!.isNotEmpty())
        assertEquals(grants, parseJson(consenting.statsJson()).obj["token_grants"])
        assertEquals(Token.fromJson(saved).accessToken(), resumed.token()!!.accessToken())
    }

    @Test
    fun `a forged state is refused before the code is sent`() = runBlocking {
        val client = BynderClient(
            ClientConfig(
                portalUrl = consenting.httpUrl,
                credentials = Credentials.authorizationCode(consenting.clientId, REDIRECT, consenting.clientSecret),
                rateLimit = RateLimit.UNLIMITED,
            ),
        )
        val request = client.authorizationRequest(listOf("asset:read"))
        val redirect = consenting.consent(request.url()).replace(request.state(), "forged")
        val grants = consenting.grants("authorization_code")
        val error = assertFailsWith<BynderException.OAuthState> { client.exchangeCode(request, redirect) }
        assertEquals(31u, error.code())
        assertEquals(grants, consenting.grants("authorization_code"))
    }

    @Test
    fun `an authorization request survives a round trip through JSON`() = runBlocking {
        val client = BynderClient(
            ClientConfig(
                portalUrl = consenting.httpUrl,
                credentials = Credentials.authorizationCode(consenting.clientId, REDIRECT, consenting.clientSecret),
                rateLimit = RateLimit.UNLIMITED,
            ),
        )
        val stored = client.authorizationRequest(listOf("asset:read")).toJson()
        val request = AuthorizationRequest.fromJson(stored)
        assertEquals(parseJson(stored).obj["state"]!!.str, request.state())
        assertTrue(client.exchangeCode(request, consenting.consent(request.url())).accessToken().isNotEmpty())
        assertFailsWith<BynderException.InvalidArgument> { AuthorizationRequest.fromJson("{\"url\": 3}") }
    }

    @Test
    fun `tokens print without their secrets`() = runBlocking {
        val client = BynderClient(
            ClientConfig(
                portalUrl = mock.httpUrl,
                credentials = Credentials.clientCredentials(mock.clientId, mock.clientSecret, listOf("asset:read")),
                rateLimit = RateLimit.UNLIMITED,
            ),
        )
        client.mediaList(MediaQuery(limit = 1u))
        val token = client.token()!!
        assertFalse(token.accessToken() in token.toString(), token.toString())
        assertEquals(token.accessToken(), Token.fromJson(token.toJson()).accessToken())
        assertFailsWith<BynderException.InvalidArgument> { Token.fromJson("not json") }
    }

    @Test
    fun `a wrong client secret is an OAuth exception`() = runBlocking {
        val client = BynderClient(
            ClientConfig(
                portalUrl = mock.httpUrl,
                credentials = Credentials.clientCredentials(mock.clientId, "wrong", listOf("asset:read")),
                rateLimit = RateLimit.UNLIMITED,
            ),
        )
        assertFailsWith<BynderException.OAuth> { client.mediaList() }
        Unit
    }

    @Test
    fun `a token store that throws fails construction or is ignored, never crashes`() = runBlocking {
        val broken = object : TokenStore {
            override fun load(): Token? = throw IllegalStateException("keychain locked")
            override fun save(token: Token) = throw IllegalStateException("disk full")
        }
        val error = assertFailsWith<BynderException.InvalidArgument> {
            BynderClient(
                ClientConfig(
                    portalUrl = consenting.httpUrl,
                    credentials = Credentials.authorizationCode(consenting.clientId, REDIRECT),
                    tokenStore = broken,
                ),
            )
        }
        assertTrue("keychain locked" in error.detail, error.detail)
        // `save` throwing does not fail the call that got the token.
        val client = BynderClient(
            ClientConfig(
                portalUrl = mock.httpUrl,
                credentials = Credentials.clientCredentials(mock.clientId, mock.clientSecret, listOf("asset:read")),
                tokenStore = broken,
                rateLimit = RateLimit.UNLIMITED,
            ),
        )
        assertEquals(1, client.mediaList(MediaQuery(limit = 1u)).media.size)
    }

    @Test
    fun `bad configurations say what is wrong`() {
        fun config(url: String, credentials: Credentials = Credentials.permanentToken("t")) =
            ClientConfig(portalUrl = url, credentials = credentials)
        val plain = assertFailsWith<BynderException.InvalidArgument> { BynderClient(config("http://acme.bynder.com")) }
        assertTrue("plain http" in plain.detail, plain.detail)
        assertFailsWith<BynderException.InvalidArgument> { BynderClient(config("ftp://x")) }
        val scope = assertFailsWith<BynderException.InvalidArgument> {
            Credentials.clientCredentials("id", "secret", listOf("asset:fly"))
        }
        assertTrue("asset:fly" in scope.detail, scope.detail)
        assertFailsWith<BynderException.InvalidArgument> { Credentials.clientCredentials("id", "secret", emptyList()) }
        assertFailsWith<BynderException.InvalidArgument> {
            BynderClient(config(mock.httpUrl).copy(timeout = java.time.Duration.ZERO))
        }
        assertFailsWith<BynderException.InvalidArgument> { BynderClient(config(mock.httpUrl).copy(maxAttempts = 0u)) }
        assertFailsWith<BynderException.InvalidArgument> {
            BynderClient(config(mock.httpUrl).copy(caPem = "not a certificate"))
        }
        // The authorization flow needs authorization-code credentials.
        assertFailsWith<BynderException.InvalidArgument> {
            BynderClient(config(mock.httpUrl)).authorizationRequest(listOf("asset:read"))
        }
    }
}
