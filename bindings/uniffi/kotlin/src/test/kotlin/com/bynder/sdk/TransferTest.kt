package com.bynder.sdk

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.TimeoutCancellationException
import kotlinx.coroutines.async
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.supervisorScope
import kotlinx.coroutines.withTimeout
import org.junit.jupiter.api.io.TempDir
import java.io.File
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit
import kotlin.concurrent.thread
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertIs
import kotlin.test.assertTrue

/** Collects an upload's events; `started` opens once the session exists. */
class UploadEvents : UploadListener {
    val events = CopyOnWriteArrayList<UploadEvent>()
    val started = CountDownLatch(1)
    override fun onEvent(event: UploadEvent) {
        events += event
        if (event is UploadEvent.Started) started.countDown()
    }
}

class DownloadEvents : DownloadListener {
    val events = CopyOnWriteArrayList<DownloadEvent>()
    val started = CountDownLatch(1)
    override fun onEvent(event: DownloadEvent) {
        events += event
        if (event is DownloadEvent.Started) started.countDown()
    }
}

private const val MIB = 1024 * 1024

/** Uploads and downloads with progress and cancellation, over real HTTP. */
class TransferTest {
    private val mock = MockPortal.main
    private val client = permanentClient()

    @TempDir
    lateinit var dir: File

    private suspend fun brand(): String = client.brands().first().id

    @Test
    fun `an upload reports progress, saves the asset, and downloads back identical`() = runBlocking {
        val file = randomFile(dir, "kotlin-upload.bin", 3 * MIB + 123)
        val listener = UploadEvents()
        val saved = client.upload(
            UploadRequest(
                path = file.path, brandId = brand(), name = "Uploaded from Kotlin",
                tags = listOf("kotlin", "upload"), chunkSize = MIB.toULong(), parallelism = 2u,
            ),
            listener,
        )
        assertEquals(file.length().toULong(), saved.bytes)
        assertEquals(4u, saved.chunks)
        assertEquals(sha256(file), saved.sha256)
        assertEquals(UploadFlow.FILES_SERVICE, saved.flow)
        assertTrue(COLD_FUSION_ID.matches(saved.mediaId), saved.mediaId)

        val events = listener.events
        val started = assertIs<UploadEvent.Started>(events.first())
        assertEquals(4u, started.chunks)
        assertEquals(file.length().toULong(), started.totalBytes)
        val sent = events.filterIsInstance<UploadEvent.ChunkSent>()
        assertEquals(setOf(0u, 1u, 2u, 3u), sent.map { it.index }.toSet())
        assertEquals(sent.map { it.sentBytes }.sorted(), sent.map { it.sentBytes }, "progress only grows")
        assertEquals(file.length().toULong(), sent.last().sentBytes)
        assertTrue(events.any { it is UploadEvent.Finalising })
        assertTrue(events.filterIsInstance<UploadEvent.Checkpoint>().all { parseJson(it.stateJson).obj.isNotEmpty() })
        assertEquals(UploadEvent.Saved(saved.mediaId), events.last())

        val asset = client.mediaGet(saved.mediaId)
        assertEquals("Uploaded from Kotlin", asset.name)
        assertTrue(asset.tags.containsAll(listOf("kotlin", "upload")), "${asset.tags}")

        val downloads = DownloadEvents()
        val out = File(dir, "back").apply { mkdirs() }
        val done = client.download(DownloadRequest(mediaId = saved.mediaId, path = out.path, sha256 = true), downloads)
        val written = File(done.path)
        assertEquals(out.canonicalPath, written.parentFile.canonicalPath)
        assertEquals(file.length(), written.length())
        assertEquals(sha256(file), done.sha256)
        assertEquals(sha256(file), sha256(written))
        assertIs<DownloadEvent.Started>(downloads.events.first())
        assertEquals(DownloadEvent.Finished(file.length().toULong()), downloads.events.last())
        assertTrue(downloads.events.any { it is DownloadEvent.Progress })
    }

    @Test
    fun `a new version and a download to a named file`() = runBlocking {
        val id = client.upload(UploadRequest(path = randomFile(dir, "v1.jpg", 1000, seed = 1).path, brandId = brand())).mediaId
        val v2 = randomFile(dir, "v2.jpg", 2000, seed = 2)
        assertEquals(id, client.upload(UploadRequest(path = v2.path, newVersionOf = id)).mediaId)
        val target = File(dir, "current.jpg")
        val done = client.download(DownloadRequest(mediaId = rfc4122(id), path = target.path))
        assertEquals(target.canonicalPath, File(done.path).canonicalPath)
        assertEquals(sha256(v2), sha256(target))
    }

    @Test
    fun `the S3 flow saves a file with a metaproperty option`() = runBlocking {
        val property = client.metaproperties().first { it.options.isNotEmpty() }
        val option = property.options.first().id
        val file = randomFile(dir, "s3.bin", 5 * MIB + 4096, seed = 3)
        val saved = client.upload(
            UploadRequest(
                path = file.path, brandId = brand(), flow = UploadFlow.S3,
                metaproperties = mapOf(property.id to listOf(option)),
            ),
        )
        assertEquals(UploadFlow.S3, saved.flow)
        assertEquals(2u, saved.chunks)
        assertEquals(sha256(file), saved.sha256)
        assertTrue(option in client.mediaGet(saved.mediaId).propertyOptions, "option $option on the asset")
    }

    @Test
    fun `cancelling an upload from another thread stops it before it is saved`() = runBlocking {
        val file = randomFile(dir, "slow.bin", 2 * MIB)
        val saves = mock.served("upload.save")
        mock.fault("""{"latency_ms": 4000}""", operation = "upload.chunk")
        val handle = CancelHandle()
        val listener = UploadEvents()
        val brand = brand()
        // A supervisor scope: the upload's failure is this test's to check, not the runner's.
        try {
            supervisorScope {
                val upload = async(Dispatchers.Default) {
                    client.upload(UploadRequest(path = file.path, brandId = brand, chunkSize = MIB.toULong()), listener, handle)
                }
                assertTrue(listener.started.await(20, TimeUnit.SECONDS), "the upload started")
                val cancelledAt = System.nanoTime()
                thread { handle.cancel() }.join()
                val error = assertFailsWith<BynderException.Cancelled> { upload.await() }
                val seconds = (System.nanoTime() - cancelledAt) / 1e9
                assertTrue(seconds < 3.0, "stopped at once, not after the chunk's 4 s: ${seconds}s")
                assertEquals(40u, error.code())
            }
        } finally {
            mock.clearFaults()
        }
        assertTrue(handle.isCancelled())
        assertEquals(saves, mock.served("upload.save"), "nothing was saved")
        assertFalse(listener.events.any { it is UploadEvent.Saved })
    }

    @Test
    fun `cancelling a download leaves no file behind`() = runBlocking {
        val id = client.upload(UploadRequest(path = randomFile(dir, "big.bin", 4 * MIB).path, brandId = brand())).mediaId
        mock.fault("""{"slow_body_ms": 300}""", operation = "storage.download")
        val handle = CancelHandle()
        val listener = DownloadEvents()
        val target = File(dir, "never.bin")
        try {
            supervisorScope {
                val download = async(Dispatchers.Default) {
                    client.download(DownloadRequest(mediaId = id, path = target.path), listener, handle)
                }
                assertTrue(listener.started.await(20, TimeUnit.SECONDS), "the download started")
                handle.cancel()
                assertFailsWith<BynderException.Cancelled> { download.await() }
            }
        } finally {
            mock.clearFaults()
        }
        assertFalse(target.exists())
        assertEquals(emptyList(), dir.listFiles()!!.filter { it.name.endsWith(".part") })
    }

    @Test
    fun `a listener that throws stops the upload with a Cancelled exception naming it`() = runBlocking {
        val saves = mock.served("upload.save")
        val throwing = object : UploadListener {
            override fun onEvent(event: UploadEvent) {
                if (event is UploadEvent.ChunkSent) throw IllegalStateException("progress bar broke")
            }
        }
        val file = randomFile(dir, "listener.bin", 2 * MIB)
        val error = assertFailsWith<BynderException.Cancelled> {
            client.upload(UploadRequest(path = file.path, brandId = brand(), chunkSize = MIB.toULong(), parallelism = 1u), throwing)
        }
        assertTrue("progress bar broke" in error.detail, error.detail)
        assertEquals(saves, mock.served("upload.save"))
    }

    @Test
    fun `cancelling the coroutine drops the request, and the client goes on`() = runBlocking {
        mock.fault("""{"latency_ms": 5000}""", operation = "users.current", times = 1)
        val start = System.nanoTime()
        try {
            assertFailsWith<TimeoutCancellationException> { withTimeout(300) { client.currentUser() } }
        } finally {
            mock.clearFaults()
        }
        assertTrue((System.nanoTime() - start) / 1e9 < 3.0, "the coroutine did not wait for the answer")
        assertTrue(client.currentUser().username!!.isNotEmpty())
    }

    @Test
    fun `bad transfer requests are typed errors, not crashes`() = runBlocking {
        val missing = assertFailsWith<BynderException> {
            client.upload(UploadRequest(path = File(dir, "missing.jpg").path, brandId = brand()))
        }
        assertTrue(missing is BynderException.Io || missing is BynderException.InvalidArgument, "$missing")
        val file = randomFile(dir, "nobrand.jpg", 100)
        assertFailsWith<BynderException.InvalidArgument> { client.upload(UploadRequest(path = file.path)) }
        assertFailsWith<BynderException.InvalidArgument> {
            client.upload(UploadRequest(path = file.path, brandId = brand(), resumeStateJson = "{}"))
        }
        assertFailsWith<BynderException.InvalidArgument> {
            client.download(DownloadRequest(mediaId = "00000000-0000-0000-0000000000000000", path = dir.path, additional = true, version = 2u))
        }
        assertFailsWith<BynderException.NotFound> {
            client.download(DownloadRequest(mediaId = "00000000-0000-0000-0000000000000000", path = dir.path))
        }
        Unit
    }
}
