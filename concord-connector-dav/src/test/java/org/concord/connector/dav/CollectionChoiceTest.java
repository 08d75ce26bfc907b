package org.concord.connector.dav;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.concord.model.ItemType;
import org.junit.jupiter.api.Test;

class CollectionChoiceTest {
    private static final URI HOME = URI.create("https://dav.example.org/alice/");

    private static RemoteCollection calendar(String segment, String name, String... components) {
        return new RemoteCollection(HOME.resolve(segment + "/"), RemoteCollection.Kind.CALENDAR, name, Set.of(components), true);
    }

    private static RemoteCollection book(String segment, String name) {
        return new RemoteCollection(HOME.resolve(segment + "/"), RemoteCollection.Kind.ADDRESSBOOK, name, Set.of(), true);
    }

    private static CollectionChoice choose(ItemType type, String spec, List<RemoteCollection> found, boolean mayCreate) {
        return CollectionChoice.choose(type, Optional.ofNullable(spec).map(s -> CollectionSpec.of(s, "alice")), found, HOME,
                mayCreate);
    }

    @Test
    void tasksGoToADedicatedTaskListRatherThanTheMixedCalendar() {
        RemoteCollection mixed = calendar("personal", "Personal", "VEVENT", "VTODO");
        RemoteCollection tasks = calendar("zz-list", "Errands", "VTODO");
        assertThat(choose(ItemType.TASK, null, List.of(mixed, tasks), false)).isEqualTo(new CollectionChoice.Use(tasks));
        assertThat(choose(ItemType.EVENT, null, List.of(mixed, tasks), false)).isEqualTo(new CollectionChoice.Use(mixed));
    }

    @Test
    void oneCalendarWithoutAComponentSetServesEveryCalendarType() {
        RemoteCollection all = calendar("calendar", "calendar");
        for (ItemType t : List.of(ItemType.EVENT, ItemType.TASK, ItemType.NOTE)) {
            assertThat(choose(t, null, List.of(all), false)).isEqualTo(new CollectionChoice.Use(all));
        }
    }

    @Test
    void theConventionalNameWinsAmongSeveralAddressBooks() {
        RemoteCollection other = book("aaa", "Colleagues");
        RemoteCollection contacts = book("contacts", "Contacts");
        assertThat(choose(ItemType.CONTACT, null, List.of(other, contacts), false)).isEqualTo(new CollectionChoice.Use(contacts));
    }

    @Test
    void aConfiguredNameMatchesTheDisplayNameOrTheLastSegment() {
        RemoteCollection work = calendar("b7f3", "Work", "VEVENT");
        assertThat(choose(ItemType.EVENT, "work", List.of(calendar("calendar", "Home"), work), false))
                .isEqualTo(new CollectionChoice.Use(work));
        assertThat(choose(ItemType.EVENT, "b7f3", List.of(work), false)).isEqualTo(new CollectionChoice.Use(work));
    }

    @Test
    void aConfiguredNameOfTheWrongKindIsMissingWithTheReason() {
        CollectionChoice c = choose(ItemType.TASK, "Work", List.of(calendar("work", "Work", "VEVENT")), true);
        assertThat(c).isInstanceOf(CollectionChoice.Missing.class);
        assertThat(((CollectionChoice.Missing) c).reason()).contains("/alice/work/").contains("VTODO");
    }

    @Test
    void aConfiguredPathWithTheUserIsUsedOrCreatedThere() {
        RemoteCollection shared = new RemoteCollection(URI.create("https://dav.example.org/shared/alice/contacts/"),
                RemoteCollection.Kind.ADDRESSBOOK, "", Set.of(), true);
        assertThat(choose(ItemType.CONTACT, "/shared/{user}/contacts", List.of(shared), false))
                .isEqualTo(new CollectionChoice.Use(shared));
        assertThat(choose(ItemType.CONTACT, "/shared/{user}/contacts", List.of(), true))
                .isEqualTo(new CollectionChoice.Create(URI.create("https://dav.example.org/shared/alice/contacts/"), "contacts"));
    }

    @Test
    void nothingFittingIsCreatedUnderTheDefaultNameOnlyWhenAllowed() {
        assertThat(choose(ItemType.NOTE, null, List.of(calendar("calendar", "calendar", "VEVENT")), true))
                .isEqualTo(new CollectionChoice.Create(HOME.resolve("notes/"), "notes"));
        CollectionChoice refused = choose(ItemType.NOTE, null, List.of(), false);
        assertThat(refused).isInstanceOf(CollectionChoice.Missing.class);
        assertThat(((CollectionChoice.Missing) refused).reason()).contains("VJOURNAL").contains("create-collections");
    }

    @Test
    void aNewCollectionNeverTakesTheNameOfAnExistingOneOfAnotherKind() {
        RemoteCollection eventsOnly = calendar("calendar", "calendar", "VEVENT");
        RemoteCollection tasksNamedCalendar = calendar("tasks", "tasks", "VEVENT");
        assertThat(choose(ItemType.TASK, null, List.of(eventsOnly, tasksNamedCalendar), true))
                .isEqualTo(new CollectionChoice.Create(HOME.resolve("tasks-task/"), "tasks"));
    }

    @Test
    void slugsAreSafePathSegments() {
        assertThat(CollectionChoice.slug("Mes Tâches / 2026")).isEqualTo("mes-t-ches-2026");
        assertThat(CollectionChoice.slug("???")).isEqualTo("collection");
    }
}
