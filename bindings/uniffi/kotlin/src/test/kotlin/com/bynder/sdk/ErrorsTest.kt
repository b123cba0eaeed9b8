package com.bynder.sdk

import kotlinx.coroutines.runBlocking
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertNotNull
import kotlin.test.assertTrue

/** The stable number of each kind, spelled out with an exhaustive `when` over the sealed class. */
private fun expectedCode(error: BynderException): UInt = when (error) {
    is BynderException.InvalidArgument -> 1u
    is BynderException.InvalidId -> 2u
    is BynderException.UnknownOperation -> 3u
    is BynderException.Authentication -> 10u
    is BynderException.Forbidden -> 11u
    is BynderException.NotFound -> 12u
    is BynderException.Conflict -> 13u
    is BynderException.Validation -> 14u
    is BynderException.RateLimited -> 15u
    is BynderException.Server -> 16u
    is BynderException.UnexpectedStatus -> 17u
    is BynderException.Network -> 20u
    is BynderException.Timeout -> 21u
    is BynderException.Decode -> 22u
    is BynderException.OAuth -> 30u
    is BynderException.OAuthState -> 31u
    is BynderException.Cancelled -> 40u
    is BynderException.Io -> 41u
    is BynderException.Integrity -> 42u
    is BynderException.Internal -> 99u
}

/** Failing calls surface as typed exceptions carrying status, request id and operation. */
class ErrorsTest {
    private val mock = MockPortal.main
    private val client = permanentClient()

    @Test
    fun `malformed identifiers are InvalidId before any request`() = runBlocking {
        val before = mock.requests()
        for (id in listOf("not-an-id", "", "12345", "00B627BB-8054-44C0-A343FCF40BC790CDXX", "../../etc/passwd")) {
            val error = assertFailsWith<BynderException.InvalidId>("id $id") { client.mediaGet(id) }
            assertEquals(2u, error.code())
            assertEquals(null, error.status)
        }
        assertFailsWith<BynderException.InvalidId> { client.call("collections.get", """{"id": "x"}""") }
        assertFailsWith<BynderException.InvalidId> {
            client.download(DownloadRequest(mediaId = "nope", path = System.getProperty("java.io.tmpdir")))
        }
        assertEquals(before, mock.requests(), "the mock saw no request")
    }

    @Test
    fun `an unknown asset is NotFound with status, request id and operation`() = runBlocking {
        val error = assertFailsWith<BynderException.NotFound> {
            client.mediaGet("00000000-0000-0000-0000000000000000")
        }
        assertEquals(404.toUShort(), error.status)
        assertEquals("media.get", error.operation)
        assertTrue(error.detail.contains("not found", ignoreCase = true), error.detail)
        val requestId = assertNotNull(error.requestId)
        assertEquals(12u, error.code())
        assertEquals("not_found", error.kindName())
        assertEquals(expectedCode(error), error.code())
        assertFalse(error.isTransient())
        assertEquals("media.get: not_found (HTTP 404): ${error.detail} [request id $requestId]", error.toString())
    }

    @Test
    fun `a bad token is Authentication`() = runBlocking {
        val error = assertFailsWith<BynderException.Authentication> {
            permanentClient(token = "not-the-token").call("media.list", "{}")
        }
        assertEquals(401.toUShort(), error.status)
        assertEquals(expectedCode(error), error.code())
    }

    @Test
    fun `caller mistakes are typed too`() = runBlocking {
        val unknown = assertFailsWith<BynderException.UnknownOperation> { client.call("media.fly", "{}") }
        assertEquals(3u, unknown.code())
        for (params in listOf("{not json", "[1]", "42", "\"text\"")) {
            val error = assertFailsWith<BynderException.InvalidArgument>(params) { client.call("media.list", params) }
            assertEquals(expectedCode(error), error.code())
        }
        val missing = assertFailsWith<BynderException> { client.call("media.get", "{}") }
        assertTrue(missing is BynderException.InvalidArgument || missing is BynderException.InvalidId, "$missing")
    }

    @Test
    fun `a server error after the retries is Server, and transient`() = runBlocking {
        val once = BynderClient(
            ClientConfig(
                portalUrl = mock.httpUrl,
                credentials = Credentials.permanentToken(mock.permanentToken),
                rateLimit = RateLimit.UNLIMITED,
                maxAttempts = 1u,
            ),
        )
        mock.fault("""{"status": 503}""", operation = "media.list", times = 1)
        try {
            val error = assertFailsWith<BynderException.Server> { once.mediaList() }
            assertEquals(503.toUShort(), error.status)
            assertTrue(error.isTransient())
        } finally {
            mock.clearFaults()
        }
    }

    @Test
    fun `transient failures are retried by the core`() = runBlocking {
        mock.fault("""{"status": 503}""", operation = "media.list", times = 2)
        try {
            assertEquals(2, client.mediaList(MediaQuery(limit = 2u)).media.size)
        } finally {
            mock.clearFaults()
        }
        assertTrue(client.stats().retries >= 2uL, "${client.stats()}")
    }

    @Test
    fun `a portal that is not there is Network`() = runBlocking {
        val nowhere = BynderClient(
            ClientConfig(
                portalUrl = "http://127.0.0.1:9",
                credentials = Credentials.permanentToken("t"),
                maxAttempts = 1u,
            ),
        )
        val error = assertFailsWith<BynderException.Network> { nowhere.currentUser() }
        assertTrue(error.isTransient())
    }

    @Test
    fun `a slow portal is Timeout`() = runBlocking {
        val impatient = BynderClient(
            ClientConfig(
                portalUrl = mock.httpUrl,
                credentials = Credentials.permanentToken(mock.permanentToken),
                rateLimit = RateLimit.UNLIMITED,
                timeout = java.time.Duration.ofMillis(300),
                maxAttempts = 1u,
            ),
        )
        mock.fault("""{"latency_ms": 2000}""", operation = "users.current", times = 1)
        try {
            val error = assertFailsWith<BynderException.Timeout> { impatient.currentUser() }
            assertEquals(21u, error.code())
        } finally {
            mock.clearFaults()
        }
    }
}
