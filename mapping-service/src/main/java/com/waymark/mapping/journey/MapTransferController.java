package com.waymark.mapping.journey;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import com.waymark.mapping.support.ETags;
import com.waymark.platform.access.WorkspaceAccess;

/** Import of a map file; the exports are representations of {@code GET .../journeys/{id}} (JSON, CSV). */
@RestController
@RequestMapping("/api/workspaces/{workspaceId}")
@Tag(name = "Journeys")
class MapTransferController {

    private final MapTransfer transfer;

    MapTransferController(MapTransfer transfer) {
        this.transfer = transfer;
    }

    @PostMapping("/journeys:import")
    @Operation(summary = "Create a new journey from a map file (the JSON of GET .../journeys/{id})",
            description = "Ids in the file only tie its parts together; channels are matched by name (a touchpoint's channel, "
                    + "or its channelId looked up in the file's channels), missing ones created; the persona is not carried over. "
                    + "A bad file is a 400 listing every problem with its path, and nothing is created.")
    ResponseEntity<JsonNode> importMap(WorkspaceAccess access,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = JourneyMap.class)))
            @RequestBody JsonNode file) {
        MapTransfer.NewMap created = transfer.create(access, file, null);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/api/workspaces/{ws}/journeys/{id}").buildAndExpand(access.workspaceId(), created.id()).toUri())
                .eTag(ETags.of(created.version())).body(created.map());
    }
}
