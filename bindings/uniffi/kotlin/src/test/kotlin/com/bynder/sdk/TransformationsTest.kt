package com.bynder.sdk

import kotlinx.coroutines.runBlocking
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertTrue

/** Images from `transformations.get` through `callBytes`: real PNG bytes, not JSON text. */
class TransformationsTest {
    private val client = permanentClient()

    private fun pngSize(png: ByteArray): Pair<Int, Int> {
        val signature = byteArrayOf(0x89.toByte(), 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)
        assertTrue(png.size > 33 && png.copyOfRange(0, 8).contentEquals(signature), "a PNG")
        assertEquals("IHDR", String(png.copyOfRange(12, 16), Charsets.US_ASCII))
        fun be32(at: Int) = (0 until 4).fold(0) { acc, i -> (acc shl 8) or (png[at + i].toInt() and 0xff) }
        return be32(16) to be32(20)
    }

    @Test
    fun `callBytes answers the transformed image`() = runBlocking {
        val info = operations().single { it.name == "transformations.get" }
        assertTrue(info.binary, "the table marks transformations.get as binary")
        val image = parseJson(client.call("media.list", """{"type": "image", "limit": 1}""")).arr[0].obj["id"]!!.str
        val base = parseJson(client.call("media.get", """{"id": "$image"}""")).obj["transformBaseUrl"]!!.str
        val (id, name) = base.split("/").takeLast(2)
        val fill = client.callBytes(
            "transformations.get",
            """{"id": "$id", "name": "$name", "io": "transform:fill,width:120,height:80"}""",
        )
        assertEquals(120 to 80, pngSize(fill))
        // A list of io applies in order: fill, then a quarter turn.
        val turned = client.callBytes(
            "transformations.get",
            """{"id": "$id", "name": "$name", "io": ["transform:fill,width:120,height:80", "transform:rotate,angle:90"]}""",
        )
        assertEquals(80 to 120, pngSize(turned))
        assertFailsWith<BynderException.Validation> {
            client.callBytes("transformations.get", """{"id": "$id", "name": "$name", "io": "transform:explode"}""")
        }
        Unit
    }
}
