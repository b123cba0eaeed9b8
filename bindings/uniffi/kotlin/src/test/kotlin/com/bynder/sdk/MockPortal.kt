package com.bynder.sdk

import java.io.File
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.file.Files
import java.security.SecureRandom
import java.time.Duration
import java.util.concurrent.LinkedBlockingQueue
import java.util.concurrent.TimeUnit

/**
 * A `bynder-mock serve` process, started for the tests and stopped when the JVM exits.
 *
 * The mock announces itself on stdout (`listening http://…`, `listening https://…`,
 * `certificate PATH`, then `ready`); a mock that exits or stays silent fails the test run with
 * its stderr instead of hanging it.
 */
class MockPortal private constructor(
    private val process: Process,
    val httpUrl: String,
    val httpsUrl: String?,
    val certificatePem: String?,
    val permanentToken: String,
    val clientId: String,
    val clientSecret: String,
) {
    private val http: HttpClient = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build()

    /** `GET /_mock/stats` as raw JSON. */
    fun statsJson(): String = admin("GET", "/_mock/stats", null)

    /** Requests the mock served for [operation] (from `/_mock/stats` `by_operation`). */
    fun served(operation: String): Int = counter("by_operation", operation)

    /** Tokens granted with [grant] (`client_credentials`, `authorization_code`, `refresh_token`). */
    fun grants(grant: String): Int = counter("token_grants", grant)

    /** Every request the mock counted. */
    fun requests(): Int = parseJson(statsJson()).obj["requests"]!!.int

    private fun counter(section: String, name: String): Int =
        parseJson(statsJson()).obj[section]?.obj?.get(name)?.int ?: 0

    /** Adds a fault rule (see docs/mock.md): [faultJson] is the `fault` value. */
    fun fault(faultJson: String, operation: String? = null, times: Int? = null) {
        val target = if (operation == null) "\"all\"" else "{\"operation\":\"$operation\"}"
        val timesPart = if (times == null) "" else ",\"times\":$times"
        admin("POST", "/_mock/faults", "{\"target\":$target,\"fault\":$faultJson$timesPart}")
    }

    fun clearFaults() {
        admin("DELETE", "/_mock/faults", null)
    }

    /** Plays the user's browser on an auto-consent portal: answers the redirect's URL. */
    fun consent(authorizationUrl: String): String {
        val response = http.send(
            HttpRequest.newBuilder(URI.create(authorizationUrl)).GET().build(),
            HttpResponse.BodyHandlers.ofString(),
        )
        check(response.statusCode() in 300..399) {
            "the authorize endpoint answered ${response.statusCode()}: ${response.body()}"
        }
        return response.headers().firstValue("location").orElseThrow()
    }

    private fun admin(method: String, path: String, body: String?): String {
        val builder = HttpRequest.newBuilder(URI.create(httpUrl + path)).timeout(Duration.ofSeconds(10))
        val publisher = if (body == null) HttpRequest.BodyPublishers.noBody() else HttpRequest.BodyPublishers.ofString(body)
        builder.method(method, publisher)
        if (body != null) builder.header("content-type", "application/json")
        val response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString())
        check(response.statusCode() in 200..299) { "$method $path: ${response.statusCode()} ${response.body()}" }
        return response.body()
    }

    fun stop() {
        process.destroy()
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor()
    }

    companion object {
        private const val START_TIMEOUT_SECONDS = 60L

        /** The portal most tests use: Bynder's rate limit off, HTTPS beside HTTP. */
        val main: MockPortal by lazy { start("--no-rate-limit", "--tls", "--tls-port", "0") }

        /** A portal whose authorize endpoint redirects with a code at once. */
        val consenting: MockPortal by lazy { start("--no-rate-limit", "--auto-consent") }

        private fun binary(): File {
            val configured = System.getProperty("bynder.mock.bin") ?: System.getenv("BYNDER_MOCK_BIN")
            val file = File(configured ?: "../../../target/debug/bynder-mock")
            check(file.canExecute()) {
                "bynder-mock not found at ${file.absolutePath}: build it with `cargo build -p bynder-mock` " +
                    "or pass -Dbynder.mock.bin=PATH"
            }
            return file
        }

        private fun secret(prefix: String): String {
            val bytes = ByteArray(12).also { SecureRandom().nextBytes(it) }
            return prefix + bytes.joinToString("") { "%02x".format(it) }
        }

        fun start(vararg extra: String): MockPortal {
            val dir = Files.createTempDirectory("bynder-mock-kt").toFile().apply { deleteOnExit() }
            val token = secret("pt-")
            val clientId = secret("kt-client-")
            val clientSecret = secret("kt-secret-")
            val certificate = File(dir, "cert.pem")
            val stderr = File(dir, "stderr.txt")
            val tls = "--tls" in extra
            val command = listOf(
                binary().absolutePath, "serve", "--port", "0",
                *(if (tls) arrayOf("--cert-out", certificate.absolutePath) else emptyArray()),
                "--permanent-token", token, "--client-id", clientId, "--client-secret", clientSecret,
                "--seed", "7", *extra,
            )
            val process = ProcessBuilder(command)
                .redirectError(stderr)
                .redirectInput(ProcessBuilder.Redirect.from(File("/dev/null")))
                .start()
            Runtime.getRuntime().addShutdownHook(Thread { process.destroy() })
            val lines = LinkedBlockingQueue<String>()
            Thread {
                // Keeps reading after `ready`, so a chatty mock never blocks on a full pipe.
                process.inputStream.bufferedReader().forEachLine { lines.put(it) }
                lines.put(EOF)
            }.apply { isDaemon = true }.start()

            var http: String? = null
            var https: String? = null
            val seen = mutableListOf<String>()
            val deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS)
            while (true) {
                val left = deadline - System.nanoTime()
                val line = if (left > 0) lines.poll(left, TimeUnit.NANOSECONDS) else null
                if (line == null || line === EOF) {
                    process.destroyForcibly()
                    error(
                        "bynder-mock did not print `ready` (${if (line == null) "timed out" else "exited"}).\n" +
                            "command: $command\nstdout: $seen\nstderr: ${stderr.readText()}",
                    )
                }
                seen += line
                val words = line.split(" ", limit = 2)
                when {
                    words[0] == "listening" && words[1].startsWith("https://") -> https = words[1].trimEnd('/')
                    words[0] == "listening" && words[1].startsWith("http://") -> http = words[1].trimEnd('/')
                    line.trim() == "ready" -> break
                }
            }
            val pem = if (tls) certificate.readText() else null
            return MockPortal(
                process, checkNotNull(http) { "no http listener in $seen" }, https, pem,
                token, clientId, clientSecret,
            )
        }

        private const val EOF = "\u0000EOF"
    }
}
