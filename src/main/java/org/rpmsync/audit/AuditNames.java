package org.rpmsync.audit;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Names the targets of one type for people reading the audit log (e.g. a client's name for a client id). The
 * module that owns the target implements it, so the audit module never reads another module's tables.
 */
public interface AuditNames {

    /** The {@code target_type} this names, e.g. {@code client}. */
    String targetType();

    /** Names by target id, for those ids that belong to the organization; unknown ids are left out. */
    Map<String, String> names(UUID organizationId, Collection<String> targetIds);
}
