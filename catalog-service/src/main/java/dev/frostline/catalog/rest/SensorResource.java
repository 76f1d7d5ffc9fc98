package dev.frostline.catalog.rest;

import dev.frostline.catalog.device.Sensor;
import dev.frostline.catalog.service.AssigningSensors;
import dev.frostline.catalog.service.ManagingSensors;
import dev.frostline.catalog.hierarchy.EntityType;
import dev.frostline.catalog.service.CatalogLifecycle;
import dev.frostline.support.security.CurrentCaller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path(SensorResource.PATH)
@Authenticated
public class SensorResource {

    static final String PATH = "/api/catalog/sensors";

    private final ManagingSensors sensors;
    private final AssigningSensors assigning;
    private final CatalogLifecycle lifecycle;
    private final CurrentCaller caller;

    public SensorResource(ManagingSensors sensors, AssigningSensors assigning, CatalogLifecycle lifecycle,
            CurrentCaller caller) {
        this.sensors = sensors;
        this.assigning = assigning;
        this.lifecycle = lifecycle;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Register a sensor (admin); a DevEUI or serial registered anywhere is 409 duplicate-sensor")
    public Uni<Response> create(@Valid @NotNull SensorRequest request) {
        return sensors.register(caller.get(), request.name(), request.identity(), request.description())
                .map(sensor -> Responses.created(PATH, sensor, SensorView::of));
    }

    @GET
    @Operation(summary = "List the organization's sensors, optionally those on one unit, a page at a time")
    public Uni<PageView<SensorView>> list(@QueryParam("unitId") String unitId, @BeanParam ListParams params) {
        return lifecycle.list(caller.get(), Sensor.class, params.filter("unitId", QueryIds.optional("unitId", unitId)),
                params.page()).map(page -> PageView.of(page, SensorView::of));
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a sensor's name, model and metrics (admin); needs If-Match with its ETag")
    public Uni<Response> update(@PathParam("id") UUID id, @HeaderParam(EntityTags.IF_MATCH) String ifMatch,
            @Valid @NotNull UpdateSensorRequest request) {
        long expected = EntityTags.expectedVersion(ifMatch);
        return sensors.update(caller.get(), id, expected, request.name(), request.description())
                .map(sensor -> Responses.ok(sensor, SensorView::of));
    }

    @POST
    @Path("/{id}/assignment")
    @Operation(summary = "Put the sensor on a live unit of the organization (manager); 409 sensor-already-assigned "
            + "while it is on one. primary=true also makes it the unit's primary")
    public Uni<Response> assign(@PathParam("id") UUID id, @Valid @NotNull AssignSensorRequest request) {
        return assigning.assign(caller.get(), id, request.unitId(), Boolean.TRUE.equals(request.primary()))
                .map(sensor -> Responses.ok(sensor, SensorView::of));
    }

    @DELETE
    @Path("/{id}/assignment")
    @Operation(summary = "Take the sensor off its unit (manager); 409 sensor-not-assigned if it is on none")
    public Uni<Response> unassign(@PathParam("id") UUID id) {
        return assigning.unassign(caller.get(), id).map(sensor -> Responses.ok(sensor, SensorView::of));
    }

    @POST
    @Path("/{id}/assignment/primary")
    @Operation(summary = "Make the sensor its unit's primary (manager); the previous primary stays assigned")
    public Uni<Response> makePrimary(@PathParam("id") UUID id) {
        return assigning.makePrimary(caller.get(), id).map(sensor -> Responses.ok(sensor, SensorView::of));
    }

    @GET
    @Path("/{id}/assignments")
    @Operation(summary = "The sensor's assignment history, newest first (also of a deleted sensor)")
    public Uni<PageView<AssignmentView>> history(@PathParam("id") UUID id) {
        return assigning.history(caller.get(), id)
                .map(list -> new PageView<>(list.stream().map(AssignmentView::of).toList(), null));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get one live sensor of the organization, with its ETag")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return lifecycle.get(caller.get(), EntityType.SENSOR, Sensor.class, id).map(e -> Responses.ok(e, SensorView::of));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Soft-delete a sensor (admin); refused with 409 has-live-children while live children remain")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return lifecycle.delete(caller.get(), EntityType.SENSOR, Sensor.class, id).map(ignored -> Response.noContent().build());
    }

    @POST
    @Path("/{id}/restore")
    @Operation(summary = "Restore a deleted sensor (admin); refused with 409 parent-deleted while its parent is deleted")
    public Uni<Response> restore(@PathParam("id") UUID id) {
        return lifecycle.restore(caller.get(), EntityType.SENSOR, Sensor.class, id).map(e -> Responses.ok(e, SensorView::of));
    }
}
