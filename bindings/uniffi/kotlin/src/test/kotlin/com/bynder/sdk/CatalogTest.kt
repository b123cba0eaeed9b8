package com.bynder.sdk

import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertTrue

/** The operation table as Kotlin sees it: the same one `call` runs. */
class CatalogTest {
    @Test
    fun `operations describe the core's table, typed and as JSON`() {
        val typed = operations()
        val raw = parseJson(operationsJson()).arr
        assertEquals(raw.size, typed.size)
        assertTrue(typed.size >= 30, "the table has every Bynder operation, got ${typed.size}")
        assertEquals(raw.map { it.obj["name"]!!.str }, typed.map { it.name })
        val get = typed.single { it.name == "media.get" }
        assertEquals("media", get.group)
        assertEquals("GET", get.method)
        assertTrue("asset:read" in get.scopes)
        assertEquals("coldfusion", parseJson(get.json).obj["path_params"]!!.arr[0].arr[1].str)
        assertEquals("page_limit", typed.single { it.name == "media.list" }.paging)
        assertEquals(typed.size, typed.map { it.name }.toSet().size, "names are unique")
    }

    @Test
    fun `scopes and version are exposed`() {
        val scopes = scopes()
        assertTrue("asset:read" in scopes && "offline" in scopes, "$scopes")
        assertTrue(libraryVersion().matches(Regex("\\d+\\.\\d+\\.\\d+.*")), libraryVersion())
    }
}
