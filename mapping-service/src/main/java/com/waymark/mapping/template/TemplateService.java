package com.waymark.mapping.template;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import com.waymark.mapping.journey.MapTransfer;
import com.waymark.platform.access.TenantAccess;
import com.waymark.platform.access.WorkspaceAccess;
import com.waymark.platform.error.FieldProblem;
import com.waymark.platform.error.NotFoundException;
import com.waymark.platform.error.ValidationException;
import com.waymark.platform.web.Page;
import com.waymark.platform.web.Paging;

/**
 * An agency's journey templates. Saving reads the journey in the tenant-wide context the platform
 * sets for {@code /api/tenants/{tenantId}/...}, so a journey of another agency's workspace is as
 * unknown as a made-up one; instantiating runs in the target workspace's context, where only this
 * agency's templates are visible.
 */
@Service
class TemplateService {

    private final Templates templates;
    private final MapTransfer transfer;
    private final JsonMapper json;

    TemplateService(Templates templates, MapTransfer transfer, JsonMapper json) {
        this.templates = templates;
        this.transfer = transfer;
        this.json = json;
    }

    @Transactional(readOnly = true)
    public Page<TemplateSummary> list(TenantAccess access, @Nullable Integer limit, @Nullable String cursor) {
        int size = Paging.limit(limit);
        return Paging.page(templates.list(access.tenantId(), Paging.after(cursor), size + 1), size, TemplateSummary::id);
    }

    @Transactional(readOnly = true)
    public JourneyTemplate get(TenantAccess access, UUID templateId) {
        return templates.find(access.tenantId(), templateId).orElseThrow(() -> notFound(templateId));
    }

    @Transactional
    public JourneyTemplate save(TenantAccess access, TemplateFields fields) {
        String map = transfer.export(fields.workspaceId(), fields.journeyId());
        return templates.insert(access.tenantId(), fields, map, access.userId());
    }

    @Transactional
    public MapTransfer.NewMap instantiate(WorkspaceAccess access, UUID templateId, @Nullable JsonNode body) {
        TemplateOverrides overrides = overrides(body);
        JourneyTemplate template = templates.find(access.tenantId(), templateId).orElseThrow(() -> notFound(templateId));
        return transfer.create(access, template.map(), overrides.name());
    }

    /** The optional body: only {@code name} (validated with the journey it names); anything else is a 400 naming it. */
    private static TemplateOverrides overrides(@Nullable JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            return new TemplateOverrides(null);
        }
        if (!(body instanceof ObjectNode object)) {
            throw new ValidationException("body", "must be a JSON object");
        }
        List<FieldProblem> problems = object.propertyNames().stream().filter(name -> !name.equals("name")).sorted()
                .map(name -> new FieldProblem(name, "is not a known field")).collect(Collectors.toCollection(ArrayList::new));
        JsonNode name = object.get("name");
        if (name != null && !name.isNull() && !name.isString()) {
            problems.add(new FieldProblem("name", "must be a string"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new TemplateOverrides(name == null || name.isNull() ? null : name.asString());
    }

    private static NotFoundException notFound(UUID templateId) {
        return new NotFoundException("Journey template " + templateId);
    }
}
