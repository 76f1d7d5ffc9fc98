package dev.frostline.storage.rest;

import dev.frostline.storage.service.ReadingFiles;
import dev.frostline.storage.service.RemovingFiles;
import dev.frostline.support.security.CurrentCaller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestMulti;

@Path("/api/storage/files/{id}")
@Authenticated
public class FileResource {

    private final ReadingFiles reading;
    private final RemovingFiles removing;

    @Inject
    CurrentCaller caller;

    public FileResource(ReadingFiles reading, RemovingFiles removing) {
        this.reading = reading;
        this.removing = removing;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A file's metadata (viewer)")
    public Uni<FileView> get(@PathParam("id") UUID id) {
        return reading.get(caller.get(), id).map(FileView::of);
    }

    /**
     * Streams the object from S3 to the client chunk by chunk, with the client's demand as
     * back-pressure: a large file is never held in memory. The streaming handler marks the response
     * chunked before applying these headers; the object's length is known, so the headers drop
     * Transfer-Encoding and send Content-Length instead (a response must not carry both).
     */
    @GET
    @Path("/content")
    @Operation(summary = "Download a file's content (viewer), as an attachment")
    public RestMulti<Buffer> content(@PathParam("id") UUID id) {
        return RestMulti.fromUniResponse(reading.open(caller.get(), id),
                opened -> opened.content().body(),
                opened -> Map.of(
                        HttpHeaders.CONTENT_TYPE, List.of(opened.file().contentType),
                        HttpHeaders.CONTENT_LENGTH, List.of(Long.toString(opened.content().contentLength())),
                        HttpHeaders.CONTENT_DISPOSITION, List.of(AttachmentDisposition.of(opened.file().name)),
                        "X-Content-Type-Options", List.of("nosniff"),
                        "Transfer-Encoding", List.of()));
    }

    @DELETE
    @Operation(summary = "Delete a file and its content (manager)")
    public Uni<Void> delete(@PathParam("id") UUID id) {
        return removing.remove(caller.get(), id);
    }
}
