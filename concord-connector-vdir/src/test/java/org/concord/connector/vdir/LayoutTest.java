package org.concord.connector.vdir;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LayoutTest {

    private final Layout layout = new Layout(Path.of("/srv/vdir"), Optional.empty());

    @Test
    void aNativeIdIsThePathRelativeToTheFolder() {
        ObjectFile file = layout.objectFile(Path.of("/srv/vdir/alice/contacts/7f3a.vcf")).orElseThrow();

        assertThat(file.nativeId()).isEqualTo("alice/contacts/7f3a.vcf");
        assertThat(layout.parse("alice/contacts/7f3a.vcf")).contains(file);
    }

    @Test
    void idsThatLeaveTheFolderOrAreNotObjectFilesAreNotParsed() {
        for (String id : List.of("../x/contacts/a.vcf", "alice/../contacts/a.vcf", "alice/contacts/../a.vcf",
                "alice/contacts/.a.vcf", "alice/contacts/a.txt", "alice/other/a.vcf", "alice/contacts/sub/a.vcf",
                "/alice/contacts/a.vcf", "alice/contacts/")) {
            assertThat(layout.parse(id)).as(id).isEmpty();
        }
    }

    @Test
    void fileStemsKeepPlainIdsAndEncodeEverythingElseDistinctly() {
        assertThat(Layout.fileStem("7f3a-22b1_x@y.z")).isEqualTo("7f3a-22b1_x@y.z");
        assertThat(Layout.fileStem("a/b")).isEqualTo("a%2Fb");
        assertThat(Layout.fileStem(".hidden")).doesNotStartWith(".");
        assertThat(Layout.fileStem("a%2Fb")).isNotEqualTo(Layout.fileStem("a/b"));
        Set<String> stems = new HashSet<>();
        for (String id : List.of("a/b", "a%2Fb", "a\\b", "a b", "a:b", "..", ".", "", "\u00e9", "e\u0301")) {
            assertThat(stems.add(Layout.fileStem(id))).as(id).isTrue();
        }
    }

    @Test
    void aVeryLongIdGivesAShortUniqueName() {
        String a = "x".repeat(5000) + "a";
        String b = "x".repeat(5000) + "b";

        assertThat(Layout.fileStem(a).length()).isLessThanOrEqualTo(200);
        assertThat(Layout.fileStem(a)).isNotEqualTo(Layout.fileStem(b));
    }

    @Test
    void theUsersSettingRestrictsWhichFoldersAreObjects() {
        Layout onlyBob = new Layout(Path.of("/srv/vdir"), Optional.of(Set.of("bob")));

        assertThat(onlyBob.parse("alice/contacts/a.vcf")).isEmpty();
        assertThat(onlyBob.parse("bob/contacts/a.vcf")).isPresent();
    }
}
