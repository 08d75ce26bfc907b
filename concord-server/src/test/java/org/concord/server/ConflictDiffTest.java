package org.concord.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concord.model.ItemType;
import org.concord.model.Payload;
import org.concord.testkit.Samples;
import org.junit.jupiter.api.Test;

class ConflictDiffTest {

    @Test
    void everyPropertyOfEitherVersionIsShownWithWhetherTheyAgree() {
        Payload mine = Samples.of(ItemType.CONTACT, "u1", 1, 0);
        var json = mine.json();
        json.put("note", "only here");
        json.putObject("emails").putObject("e1").put("address", "other@example.org");
        Map<String, Payload> versions = new LinkedHashMap<>();
        versions.put("crm", mine);
        versions.put("groupware", Payload.of(ItemType.CONTACT, json));

        List<ConflictDiff.Field> fields = ConflictDiff.fields(versions);
        Map<String, ConflictDiff.Field> byName = new LinkedHashMap<>();
        fields.forEach(f -> byName.put(f.name(), f));

        assertThat(byName).doesNotContainKey("@type");
        assertThat(byName.get("uid").same()).isTrue();
        assertThat(byName.get("emails").same()).isFalse();
        assertThat(byName.get("emails").values().get("groupware").toString()).contains("other@example.org");
        assertThat(byName.get("note").same()).isFalse();
        assertThat(byName.get("note").values().get("crm")).isNull();
        assertThat(byName.get("note").values()).containsOnlyKeys("crm", "groupware");
        assertThat(fields.get(0).name()).isEqualTo("uid");
    }
}
