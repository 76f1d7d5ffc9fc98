package dev.frostline.storage.rest;

import dev.frostline.storage.service.AttachingFiles;
import dev.frostline.storage.service.ReadingFiles;
import dev.frostline.support.security.CurrentCaller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/storage/units/{unitId}/files")
@Authenticated
public class UnitFileResource {

    private final AttachingFiles attaching;
    private final ReadingFiles reading;

    @Inject
    CurrentCaller caller;

    public UnitFileResource(AttachingFiles attaching, ReadingFiles reading) {
        this.attaching = attaching;
        this.reading = reading;
    }

    /**
     * The body is the file itself, in whatever type it has. It is read whole before this method
     * runs (bounded by quarkus.http.limits.max-body-size), then checked against the file size limit.
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Attach a file to a unit (staff); the body is the raw file, ?name= its file name")
    public Uni<Response> upload(@PathParam("unitId") UUID unitId, @QueryParam("name") String name,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] content) {
        return attaching.attach(caller.get(), new AttachingFiles.Upload(unitId, name, contentType, content))
                .map(file -> Response.status(Response.Status.CREATED).entity(FileView.of(file)).build());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List the files of a unit (viewer), newest first")
    public Uni<List<FileView>> list(@PathParam("unitId") UUID unitId) {
        return reading.listOfUnit(caller.get(), unitId).map(files -> files.stream().map(FileView::of).toList());
    }
}
