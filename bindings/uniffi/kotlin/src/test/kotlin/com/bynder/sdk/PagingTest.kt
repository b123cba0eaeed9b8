package com.bynder.sdk

import kotlinx.coroutines.runBlocking
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertNull
import kotlin.test.assertTrue

/** Pagers over list operations. */
class PagingTest {
    private val client = permanentClient()

    @Test
    fun `a pager walks every asset once, page by page`() = runBlocking {
        val total = client.mediaList(MediaQuery(limit = 1u, total = true)).total!!.toInt()
        val pager = client.pages("media.list", """{"limit": 45}""")
        val ids = mutableListOf<String>()
        val numbers = mutableListOf<UInt>()
        while (true) {
            val page = pager.nextPage() ?: break
            val items = parseJson(page.itemsJson).arr
            assertEquals(page.count.toInt(), items.size)
            assertTrue(items.size <= 45)
            numbers += page.number
            ids += items.map { it.obj["id"]!!.str }
        }
        assertEquals(total, ids.size)
        assertEquals(ids.size, ids.toSet().size, "no asset twice")
        assertEquals((1..numbers.size).map { it.toUInt() }, numbers)
        assertEquals((total + 44) / 45, numbers.size)
        assertNull(pager.nextPage(), "a finished pager stays finished")
    }

    @Test
    fun `filters apply to every page`() = runBlocking {
        val pager = client.pages("media.list", """{"limit": 10, "type": "video"}""")
        var seen = 0
        while (true) {
            val page = pager.nextPage() ?: break
            val types = parseJson(page.itemsJson).arr.map { it.obj["type"]!!.str }.toSet()
            assertEquals(setOf("video"), types)
            seen += page.count.toInt()
        }
        val total = client.mediaList(MediaQuery(types = listOf("video"), limit = 1u, total = true)).total!!.toInt()
        assertEquals(total, seen)
        assertTrue(seen > 10, "enough videos for several pages: $seen")
    }

    @Test
    fun `tags page too`() = runBlocking {
        val pager = client.pages("tags.list", """{"limit": 7}""")
        val all = mutableListOf<String>()
        while (true) {
            val page = pager.nextPage() ?: break
            all += parseJson(page.itemsJson).arr.map { it.obj["id"]!!.str }
        }
        assertEquals(client.tagsList(TagQuery(limit = 1000u)).size, all.size)
    }

    @Test
    fun `a failing page ends the pager with a typed exception`() = runBlocking {
        val bad = permanentClient(token = "wrong")
        val pager = bad.pages("media.list", """{"limit": 5}""")
        assertFailsWith<BynderException.Authentication> { pager.nextPage() }
        assertNull(pager.nextPage())
    }

    @Test
    fun `bad pager arguments are refused at once`() {
        assertFailsWith<BynderException.UnknownOperation> { client.pages("media.fly", "{}") }
        assertFailsWith<BynderException.InvalidArgument> { client.pages("media.list", "{limit: 5") }
        assertFailsWith<BynderException.InvalidArgument> { client.pages("media.list", "[1, 2]") }
    }
}
