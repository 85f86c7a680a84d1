package com.waymark.mapping.journey;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import com.waymark.mapping.support.ETags;
import com.waymark.platform.access.WorkspaceAccess;
import com.waymark.platform.web.Page;

@RestController
@RequestMapping("/api/workspaces/{workspaceId}/journeys")
@Tag(name = "Journeys", description = "Journey maps: a journey with its stages, touchpoints, blueprint lanes and notes")
class JourneyController {

    private static final MediaType TEXT_CSV = new MediaType("text", "csv");

    private final JourneyService journeys;

    JourneyController(JourneyService journeys) {
        this.journeys = journeys;
    }

    @GetMapping
    @Operation(summary = "List journeys (without their content)",
            description = "reviewDue=true lists only journeys whose last review plus their review cadence is past; false only the others")
    Page<Journey> list(WorkspaceAccess access, @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Boolean reviewDue) {
        return journeys.list(access, limit, cursor, reviewDue);
    }

    @PostMapping
    @Operation(summary = "Create a journey; returns its (empty) map with Location and ETag",
            description = "With ?fromTemplate={templateId} the journey is created from a template of the workspace's agency "
                    + "instead: the body is then optional and may only hold {name} (replacing the template's journey name); "
                    + "channels are matched by name in this workspace, missing ones created; a template of another agency is a 404.",
            parameters = @Parameter(name = "fromTemplate", in = ParameterIn.QUERY, required = false,
                    description = "id of a journey template of this workspace's agency", schema = @Schema(type = "string", format = "uuid")))
    ResponseEntity<JourneyMap> create(WorkspaceAccess access, @Valid @RequestBody JourneyFields body) {
        JourneyMap created = journeys.create(access, body);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(created.id()).toUri()).eTag(ETags.of(created.version())).body(created);
    }

    @GetMapping("/{journeyId}")
    @Operation(summary = "The whole map: stages in order with their touchpoints, pain points, opportunities, evidence",
            description = "The ETag is the map's version; send it as If-Match on changes to detect concurrent edits (412). "
                    + "With Accept: text/csv, the CSV export instead: one row per touchpoint (stage, positions, touchpoint, "
                    + "channel, expected emotion, owning team, each blueprint lane and its owning team), as an attachment")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = JourneyMap.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    ResponseEntity<?> get(WorkspaceAccess access, @PathVariable UUID journeyId,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {
        boolean csv = wantsCsv(accept);
        // a client that has the map already: compare versions before reading (and sending) the whole map
        if (!csv && ifNoneMatch != null) {
            long version = journeys.version(access, journeyId);
            if (ETags.matches(ifNoneMatch, version)) {
                return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(ETags.of(version)).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
            }
        }
        JourneyMap map = journeys.map(access, journeyId);
        if (csv) {
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.attachment().filename(MapCsv.fileName(map.name())).build().toString())
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                    .body(MapCsv.of(map));
        }
        return ResponseEntity.ok().eTag(ETags.of(map.version())).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).body(map);
    }

    /** CSV when the most preferred of JSON and CSV in {@code Accept} is CSV; JSON otherwise (and by default). */
    static boolean wantsCsv(@Nullable String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .filter(type -> type.getQualityValue() > 0)
                    .sorted(Comparator.comparingDouble(MediaType::getQualityValue).reversed())
                    .filter(type -> TEXT_CSV.equalsTypeAndSubtype(type) || MediaType.APPLICATION_JSON.isCompatibleWith(type))
                    .findFirst().map(TEXT_CSV::equalsTypeAndSubtype).orElse(false);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    @PatchMapping("/{journeyId}")
    @Operation(summary = "Change a journey's fields (JSON merge patch: absent fields stay, null clears or resets to the default)")
    ResponseEntity<JourneyMap> update(WorkspaceAccess access, @PathVariable UUID journeyId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = JourneyFields.class)))
            @RequestBody JsonNode patch, @Parameter(description = "the map's ETag") @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        JourneyMap map = journeys.update(access, journeyId, patch, ifMatch);
        return ResponseEntity.ok().eTag(ETags.of(map.version())).body(map);
    }

    @PostMapping("/{journeyId}/reviews")
    @Operation(summary = "Record that the map was reviewed today: its next review is due a full cadence from now")
    ResponseEntity<JourneyMap> review(WorkspaceAccess access, @PathVariable UUID journeyId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        JourneyMap map = journeys.markReviewed(access, journeyId, ifMatch);
        return ResponseEntity.ok().eTag(ETags.of(map.version())).body(map);
    }

    @DeleteMapping("/{journeyId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a journey with its whole map")
    void delete(WorkspaceAccess access, @PathVariable UUID journeyId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        journeys.delete(access, journeyId, ifMatch);
    }
}
