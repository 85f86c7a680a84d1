package com.waymark.mapping.channel;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import com.waymark.mapping.support.MergePatch;
import com.waymark.platform.access.WorkspaceAccess;
import com.waymark.platform.error.ConflictException;
import com.waymark.platform.error.NotFoundException;
import com.waymark.platform.web.Page;
import com.waymark.platform.web.Paging;

@RestController
@RequestMapping("/api/workspaces/{workspaceId}/channels")
@Tag(name = "Channels", description = "The media of a workspace's touchpoints (Online, Store, Phone, …)")
class ChannelController {

    private final Channels channels;
    private final MergePatch mergePatch;

    ChannelController(Channels channels, MergePatch mergePatch) {
        this.channels = channels;
        this.mergePatch = mergePatch;
    }

    @GetMapping
    @Operation(summary = "List the workspace's channels (a new workspace starts with the usual six)")
    Page<Channel> list(WorkspaceAccess access, @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        int size = Paging.limit(limit);
        return Paging.page(channels.list(access.workspaceId(), Paging.after(cursor), size + 1), size, Channel::id);
    }

    @GetMapping("/{channelId}")
    @Operation(summary = "One channel")
    Channel get(WorkspaceAccess access, @PathVariable UUID channelId) {
        return channels.find(access.workspaceId(), channelId).orElseThrow(() -> notFound(channelId));
    }

    @PostMapping
    @Operation(summary = "Add a channel; 409 when the workspace already has one of that name (any case)")
    @Transactional
    ResponseEntity<Channel> create(WorkspaceAccess access, @Valid @RequestBody ChannelFields body) {
        Channel created = channels.insert(access.tenantId(), access.workspaceId(), body.name())
                .orElseThrow(() -> duplicate(body.name()));
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(created.id()).toUri();
        return ResponseEntity.created(location).body(created);
    }

    @PatchMapping("/{channelId}")
    @Operation(summary = "Rename a channel (JSON merge patch)")
    @Transactional
    Channel update(WorkspaceAccess access, @PathVariable UUID channelId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = ChannelFields.class)))
            @RequestBody JsonNode patch) {
        Channel current = get(access, channelId);
        ChannelFields changed = mergePatch.apply(new ChannelFields(current.name()), patch, ChannelFields.class);
        if (!channels.rename(access.workspaceId(), channelId, changed.name())) {
            throw duplicate(changed.name());
        }
        return new Channel(channelId, changed.name());
    }

    @DeleteMapping("/{channelId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a channel; 409 while touchpoints are in it")
    @Transactional
    void delete(WorkspaceAccess access, @PathVariable UUID channelId) {
        boolean deleted;
        try {
            deleted = channels.delete(access.workspaceId(), channelId);
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("Touchpoints are in this channel; move or delete them first");
        }
        if (!deleted) {
            throw notFound(channelId);
        }
    }

    private static NotFoundException notFound(UUID channelId) {
        return new NotFoundException("Channel " + channelId);
    }

    private static ConflictException duplicate(String name) {
        return new ConflictException("name", "the workspace already has a channel named '" + name + "'");
    }
}
