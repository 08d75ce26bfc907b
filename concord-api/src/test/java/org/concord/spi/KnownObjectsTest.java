package org.concord.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.concord.model.ItemType;
import org.junit.jupiter.api.Test;

class KnownObjectsTest {

    /** A view over a list that counts how many objects a caller was shown. */
    private static final class Counted implements KnownObjects {
        final List<KnownObject> objects = new ArrayList<>();
        int shown;

        @Override
        public Optional<KnownObject> find(String nativeId) {
            return objects.stream().filter(o -> o.nativeId().equals(nativeId)).findFirst();
        }

        @Override
        public void forEach(Consumer<KnownObject> visitor) {
            for (KnownObject object : objects) {
                shown++;
                visitor.accept(object);
            }
        }
    }

    private static KnownObject object(String id) {
        return new KnownObject(new Scope("alice", ItemType.CONTACT), id, "v1", "h1");
    }

    @Test
    void aViewOfNothingIsEmpty() {
        assertThat(KnownObjects.NONE.isEmpty()).isTrue();
        assertThat(new Counted().isEmpty()).isTrue();
    }

    @Test
    void aViewThatKnowsObjectsIsNotEmptyAndOnlyItsFirstObjectIsRead() {
        Counted view = new Counted();
        for (int i = 0; i < 1_000; i++) {
            view.objects.add(object("c" + i + ".vcf"));
        }

        assertThat(view.isEmpty()).isFalse();
        assertThat(view.shown).as("a first-row look, not a count").isEqualTo(1);
        assertThat(view.isEmpty()).as("asking again answers the same").isFalse();
    }
}
