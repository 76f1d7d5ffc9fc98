package dev.frostline.storage.objectstore;

import dev.frostline.contracts.problems.ProblemType;
import dev.frostline.storage.config.StorageConfig;
import dev.frostline.support.problem.ProblemException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import mutiny.zero.flow.adapters.AdaptersToFlow;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The bucket as this service uses it, over the async S3 client. Every returned Uni and Multi
 * delivers on the caller's Vert.x context: the SDK completes its futures on its own threads, and
 * Hibernate Reactive work that follows must run on the request's context.
 * S3 failures become a 503 problem (the client may retry); a missing object becomes
 * {@link NoSuchKeyException} for the caller to answer as it sees fit.
 */
@ApplicationScoped
public class ObjectStore {

    /** The bytes of one object, as they arrive from S3: subscribe exactly once. */
    public record Download(long contentLength, Multi<Buffer> body) {
    }

    private final S3AsyncClient s3;
    private final String bucket;

    public ObjectStore(S3AsyncClient s3, StorageConfig config) {
        this.s3 = s3;
        this.bucket = config.bucket();
    }

    public String bucket() {
        return bucket;
    }

    /**
     * Stores the object. The SHA-256 goes along as the object's checksum, so S3 refuses the write
     * if a byte changed on the way.
     */
    public Uni<Void> put(String key, String contentType, byte[] content, String sha256Hex) {
        String checksum = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256Hex));
        // fromBytesUnsafe: no defensive copy of a buffer that can be megabytes; nobody mutates it.
        return call(() -> s3.putObject(request -> request.bucket(bucket).key(key).contentType(contentType)
                .contentLength((long) content.length).checksumSHA256(checksum),
                AsyncRequestBody.fromBytesUnsafe(content)))
                .replaceWithVoid();
    }

    public Uni<Download> get(String key) {
        Executor callerContext = callerContext();
        return call(() -> s3.getObject(request -> request.bucket(bucket).key(key), AsyncResponseTransformer.toPublisher()))
                .map(published -> new Download(published.response().contentLength(),
                        Multi.createFrom().publisher(AdaptersToFlow.publisher(published))
                                .map(ObjectStore::toBuffer)
                                .emitOn(callerContext)));
    }

    /** Deleting a missing object succeeds, so a retried delete converges. */
    public Uni<Void> delete(String key) {
        return call(() -> s3.deleteObject(request -> request.bucket(bucket).key(key))).replaceWithVoid();
    }

    /**
     * Creates the bucket unless it exists. Another replica may create it at the same moment: if our
     * create fails but the bucket is there afterwards, that is success.
     */
    public Uni<Void> ensureBucket() {
        return bucketExists().chain(exists -> exists
                ? Uni.createFrom().voidItem()
                : call(() -> s3.createBucket(request -> request.bucket(bucket)))
                        .invoke(() -> Log.infof("created bucket %s", bucket))
                        .replaceWithVoid()
                        .onFailure().recoverWithUni(e -> bucketExists().chain(nowExists -> nowExists
                                ? Uni.createFrom().voidItem()
                                : Uni.createFrom().failure(e))));
    }

    public Uni<Boolean> bucketExists() {
        return Uni.createFrom().completionStage(() -> s3.headBucket(request -> request.bucket(bucket)))
                .map(response -> true)
                .onFailure(ObjectStore::isNotFound).recoverWithItem(false)
                .onFailure().transform(ObjectStore::unwrap)
                .emitOn(callerContext());
    }

    private <T> Uni<T> call(Supplier<CompletionStage<T>> operation) {
        return Uni.createFrom().completionStage(operation)
                .onFailure().transform(ObjectStore::toProblem)
                .emitOn(callerContext());
    }

    private static Throwable toProblem(Throwable failure) {
        Throwable e = unwrap(failure);
        if (e instanceof NoSuchKeyException || !(e instanceof SdkException)) {
            return e;
        }
        Log.warnf("S3 request failed: %s", e.toString());
        return new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                "File storage is temporarily unavailable; try again in a moment.");
    }

    private static boolean isNotFound(Throwable failure) {
        return unwrap(failure) instanceof S3Exception e && e.statusCode() == 404;
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private static Buffer toBuffer(ByteBuffer chunk) {
        byte[] bytes = new byte[chunk.remaining()];
        chunk.get(bytes);
        return Buffer.buffer(bytes);
    }

    /** Runs tasks on the current Vert.x context, or in place when called outside one (startup). */
    private static Executor callerContext() {
        Context context = Vertx.currentContext();
        return context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
    }
}
