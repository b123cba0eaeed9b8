package com.bynder.sdk

import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.int
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import java.security.MessageDigest
import java.io.File

/** Reading the JSON the library answers. */
fun parseJson(text: String): JsonElement = Json.parseToJsonElement(text)

val JsonElement.obj: JsonObject get() = jsonObject
val JsonElement.arr: JsonArray get() = jsonArray
val JsonElement.str: String get() = jsonPrimitive.content
val JsonElement.int: Int get() = jsonPrimitive.int

/** A client of [portal] with its permanent token and no client-side pacing (the mock has none). */
fun permanentClient(portal: MockPortal = MockPortal.main, token: String = portal.permanentToken): BynderClient =
    BynderClient(
        ClientConfig(
            portalUrl = portal.httpUrl,
            credentials = Credentials.permanentToken(token),
            rateLimit = RateLimit.UNLIMITED,
        ),
    )

/** Lower-case hex SHA-256 of a file. */
fun sha256(file: File): String {
    val digest = MessageDigest.getInstance("SHA-256")
    file.inputStream().use { input ->
        val buffer = ByteArray(1 shl 16)
        while (true) {
            val n = input.read(buffer)
            if (n < 0) break
            digest.update(buffer, 0, n)
        }
    }
    return digest.digest().joinToString("") { "%02x".format(it) }
}

/** A file of [size] pseudo-random bytes. */
fun randomFile(dir: File, name: String, size: Int, seed: Long = 42): File {
    val random = java.util.Random(seed)
    val file = File(dir, name)
    file.outputStream().use { out ->
        val buffer = ByteArray(64 * 1024)
        var left = size
        while (left > 0) {
            random.nextBytes(buffer)
            val n = minOf(left, buffer.size)
            out.write(buffer, 0, n)
            left -= n
        }
    }
    return file
}

/** An RFC 4122 (lower case, 8-4-4-4-12) id from a ColdFusion one (8-4-4-16). */
fun rfc4122(coldFusion: String): String {
    val hex = coldFusion.replace("-", "").lowercase()
    return "${hex.substring(0, 8)}-${hex.substring(8, 12)}-${hex.substring(12, 16)}-${hex.substring(16, 20)}-${hex.substring(20)}"
}

/** Bynder's `/api/v4` id form: 8-4-4-16, upper case. */
val COLD_FUSION_ID = Regex("^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{16}$")
