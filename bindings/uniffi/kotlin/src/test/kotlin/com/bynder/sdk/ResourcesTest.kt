package com.bynder.sdk

import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.runBlocking
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertNotNull
import kotlin.test.assertTrue

/** A call per resource group through `call`, the typed methods, and the id forms. */
class ResourcesTest {
    private val client = permanentClient()

    @Test
    fun `every resource group answers through the generic call`() = runBlocking {
        // One read per group; uploads have their own tests.
        val calls = linkedMapOf(
            "oauth.scopes" to "{}",
            "media.list" to """{"limit": 3, "type": ["image"]}""",
            "collections.list" to """{"limit": 2}""",
            "tags.list" to """{"limit": 5}""",
            "metaproperties.list" to """{"options": true}""",
            "brands.list" to "",
            "smartfilters.list" to "null",
            "account.get" to "{}",
            "users.current" to "{}",
            "profiles.list" to "{}",
        )
        val catalog = operations().associateBy { it.name }
        for ((operation, params) in calls) {
            val info = assertNotNull(catalog[operation], "$operation is in the table")
            val body = parseJson(client.call(operation, params))
            when (operation) {
                "media.list" -> {
                    val media = body.arr
                    assertEquals(3, media.size)
                    assertTrue(media.all { it.obj["type"]!!.str == "image" }, "$media")
                }
                "collections.list" -> assertEquals(2, body.arr.size)
                "tags.list" -> assertEquals(5, body.arr.size)
                "users.current" -> assertTrue(body.obj["username"]!!.str.isNotEmpty())
                "brands.list" -> assertTrue(body.arr.isNotEmpty())
                "metaproperties.list" -> assertTrue(body.obj.isNotEmpty())
                else -> assertTrue(body.toString().length > 2, "$operation answered $body")
            }
            assertTrue(info.group.isNotEmpty())
        }
        val groups = calls.keys.map { catalog[it]!!.group }.toSet()
        val untested = catalog.values.map { it.group }.toSet() - groups - setOf("upload")
        if (untested.isNotEmpty()) println("groups without a read call in this test: $untested")
    }

    @Test
    fun `call_raw keeps status and headers`() = runBlocking {
        val raw = client.callRaw("media.get", """{"id": "${firstMediaId()}"}""")
        assertEquals(200.toUShort(), raw.status)
        assertNotNull(raw.headers["x-request-id"], "${raw.headers}")
        assertTrue(raw.headers["content-type"]!!.startsWith("application/json"))
        assertEquals(firstMediaId(), parseJson(raw.bodyJson).obj["id"]!!.str)
    }

    private suspend fun firstMediaId(): String = client.mediaList(MediaQuery(limit = 1u)).media.single().id

    @Test
    fun `typed media list and get, in both id forms`() = runBlocking {
        val page = client.mediaList(MediaQuery(limit = 5u, total = true, types = listOf("image")))
        assertEquals(5, page.media.size)
        assertTrue(page.total!! >= 5uL)
        val first = page.media.first()
        assertTrue(COLD_FUSION_ID.matches(first.id), first.id)
        assertEquals("image", first.mediaType)
        assertEquals(first.id, parseJson(first.json).obj["id"]!!.str)
        // The RFC 4122 form of the same id is converted to the ColdFusion form on the way out.
        val again = client.mediaGet(rfc4122(first.id))
        assertEquals(first.id, again.id)
        assertEquals(first.name, again.name)
        val versions = client.mediaGet(first.id, versions = true)
        assertTrue(parseJson(versions.json).obj["mediaItems"]!!.arr.isNotEmpty())
    }

    @Test
    fun `a keyword search only answers matching assets`() = runBlocking {
        val name = client.mediaList(MediaQuery(limit = 1u)).media.single().name!!
        val word = name.split(" ").first()
        val found = client.mediaList(MediaQuery(keyword = word, limit = 50u)).media
        assertTrue(found.isNotEmpty())
        assertTrue(found.all { word.lowercase() in (it.name + " " + it.description + " " + it.tags).lowercase() }, "$word: ${found.map { it.name }}")
    }

    @Test
    fun `an edit is visible to the next read`() = runBlocking {
        val id = client.mediaList(MediaQuery(limit = 1u, page = 3u)).media.single().id
        client.mediaModify(id, MediaUpdate(name = "Renamed from Kotlin", tags = listOf("kotlin", "uniffi")))
        val edited = client.mediaGet(id)
        assertEquals("Renamed from Kotlin", edited.name)
        assertEquals(setOf("kotlin", "uniffi"), edited.tags.toSet())
    }

    @Test
    fun `typed collections, brands, tags, metaproperties and the current user`() = runBlocking {
        val collections = client.collectionsList(CollectionQuery(limit = 3u))
        assertEquals(3, collections.size)
        val one = client.collectionGet(collections.first().id)
        assertEquals(collections.first().name, one.name)

        val brands = client.brands()
        assertTrue(brands.isNotEmpty() && brands.all { COLD_FUSION_ID.matches(it.id) })
        assertTrue(brands.any { it.subBrands.isNotEmpty() })

        val tags = client.tagsList(TagQuery(limit = 4u, orderBy = "mediaCount desc"))
        assertEquals(4, tags.size)
        val counts = tags.map { it.mediaCount ?: 0uL }
        assertEquals(counts.sortedDescending(), counts)

        val metaproperties = client.metaproperties()
        assertTrue(metaproperties.any { it.options.isNotEmpty() })
        assertTrue(client.metaproperties(withOptions = false).all { it.options.isEmpty() })

        val user = client.currentUser()
        assertEquals(user.username, parseJson(client.call("users.current", "{}")).obj["username"]!!.str)
    }

    @Test
    fun `a collection created through call is listed`() = runBlocking {
        val name = "Kotlin collection ${System.nanoTime()}"
        client.call("collections.create", """{"name": "$name", "description": "from the uniffi tests"}""")
        val found = client.collectionsList(CollectionQuery(keyword = name, limit = 10u))
        assertEquals(listOf(name), found.map { it.name })
    }

    @Test
    fun `one client serves many coroutines at once`() = runBlocking {
        val ids = client.mediaList(MediaQuery(limit = 40u)).media.map { it.id }
        val fetched = ids.map { id -> async(Dispatchers.Default) { client.mediaGet(id).id } }.awaitAll()
        assertEquals(ids, fetched)
        assertTrue(client.stats().requests >= 41uL)
    }

    @Test
    fun `HTTPS with the mock's certificate, and without it a Network exception`() = runBlocking {
        val mock = MockPortal.main
        val https = BynderClient(
            ClientConfig(
                portalUrl = mock.httpsUrl!!,
                credentials = Credentials.permanentToken(mock.permanentToken),
                caPem = mock.certificatePem,
                rateLimit = RateLimit.UNLIMITED,
            ),
        )
        assertTrue(https.currentUser().username!!.isNotEmpty())
        val untrusted = BynderClient(
            ClientConfig(
                portalUrl = mock.httpsUrl,
                credentials = Credentials.permanentToken(mock.permanentToken),
                rateLimit = RateLimit.UNLIMITED,
                maxAttempts = 1u,
            ),
        )
        val error = kotlin.test.assertFailsWith<BynderException.Network> { untrusted.currentUser() }
        assertEquals(20u, error.code())
    }
}
