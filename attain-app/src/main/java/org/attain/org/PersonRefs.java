package org.attain.org;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.LongPredicate;
import org.attain.access.AttainUser;
import org.attain.platform.FieldProblem;
import org.attain.platform.InvalidInputException;
import org.attain.platform.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Finds the person a {@link PersonRef} names, among the people the caller may see. Someone outside
 * the caller's visibility is never a candidate, so an unknown person and a hidden one get the same
 * answer and an ambiguity never lists a hidden person.
 */
@Service
public class PersonRefs {

    /** What a miss (nobody visible has the value) becomes: a 400 on input fields, a 404 on paths. */
    public enum Miss {
        BAD_REQUEST,
        NOT_FOUND
    }

    public record Candidate(long id, String externalId, String email, String name) {
        String described() {
            return "id:" + id + " (" + name + ", employee:" + externalId + ", " + email + ")";
        }
    }

    private final JdbcClient jdbc;
    private final Visibility visibility;
    private final MessageSource messages;

    PersonRefs(JdbcClient jdbc, Visibility visibility, MessageSource messages) {
        this.jdbc = jdbc;
        this.visibility = visibility;
        this.messages = messages;
    }

    /** The one person the caller may see who is named so; otherwise an error naming the field and the value. */
    public long resolve(AttainUser user, PersonRef ref, String field, Miss miss) {
        return resolve(ref, id -> visibility.canSee(user, id), field, miss);
    }

    /** Several people at once (rows of one request, field names the 1-based row's field); every problem is reported. */
    public List<Long> resolveAll(AttainUser user, List<PersonRef> refs, IntFunction<String> field, Miss miss) {
        List<Long> ids = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        boolean missed = false;
        for (int i = 0; i < refs.size(); i++) {
            String f = field.apply(i + 1);
            PersonRef ref = refs.get(i);
            if (ref == null) {
                problems.add(new FieldProblem(f, "person.ref.missing", "is required"));
                continue;
            }
            List<Candidate> found = candidates(ref, id -> visibility.canSee(user, id));
            if (found.size() == 1) {
                ids.add(found.get(0).id());
            } else {
                missed |= found.isEmpty();
                problems.add(problem(f, ref, found));
            }
        }
        if (!problems.isEmpty()) {
            if (missed && miss == Miss.NOT_FOUND && problems.size() == 1) {
                throw new NotFoundException(problems.get(0));
            }
            throw new InvalidInputException(problems);
        }
        return ids;
    }

    /** For callers who see everyone (the CLI). */
    public long resolveAmongEveryone(PersonRef ref, String field) {
        return resolve(ref, id -> true, field, Miss.BAD_REQUEST);
    }

    private long resolve(PersonRef ref, LongPredicate visible, String field, Miss miss) {
        if (ref == null) {
            throw new InvalidInputException(new FieldProblem(field, "person.ref.missing", "is required"));
        }
        List<Candidate> found = candidates(ref, visible);
        if (found.size() == 1) {
            return found.get(0).id();
        }
        FieldProblem problem = problem(field, ref, found);
        if (found.isEmpty() && miss == Miss.NOT_FOUND) {
            throw new NotFoundException(problem);
        }
        throw new InvalidInputException(problem);
    }

    /**
     * Everyone visible who has the value in a form the reference allows: the internal id (digits only),
     * the employee id (exact) or the e-mail (any case). Distinct people, in id order.
     */
    public List<Candidate> candidates(PersonRef ref, LongPredicate visible) {
        PersonRef.Kind k = ref.kind();
        boolean any = k == PersonRef.Kind.ANY;
        Long id = (k == PersonRef.Kind.ID || any) && ref.value().matches("[0-9]{1,18}")
                ? Long.valueOf(ref.value())
                : null;
        Map<Long, Candidate> found = new LinkedHashMap<>();
        // Three branches rather than one OR: each keeps its own index under a generic (prepared) plan,
        // where an OR of parameter flags reads every person. Mapped by hand: the generic record mapper
        // pays a driver exception per camel-case field and row, on a path every API call takes.
        jdbc.sql("""
                select id, external_id, email, first_name || ' ' || last_name from person where id = cast(:id as bigint)
                union
                select id, external_id, email, first_name || ' ' || last_name from person
                 where :byEmployee and external_id = :v
                union
                select id, external_id, email, first_name || ' ' || last_name from person
                 where :byEmail and lower(email) = lower(:v)
                order by 1""")
                .param("id", id)
                .param("v", ref.value())
                .param("byEmployee", any || k == PersonRef.Kind.EMPLOYEE)
                .param("byEmail", any || k == PersonRef.Kind.EMAIL)
                .query((rs, n) -> new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list()
                .forEach(c -> found.putIfAbsent(c.id(), c));
        return found.values().stream().filter(c -> visible.test(c.id())).toList();
    }

    private FieldProblem problem(String field, PersonRef ref, List<Candidate> found) {
        var locale = LocaleContextHolder.getLocale();
        if (found.isEmpty()) {
            return new FieldProblem(
                    field,
                    "person.ref.unknown",
                    messages.getMessage("person.ref.unknown.detail", new Object[] {ref.shown()}, locale));
        }
        String names =
                String.join("; ", found.stream().map(Candidate::described).toList());
        return new FieldProblem(
                field,
                "person.ref.ambiguous",
                messages.getMessage(
                        "person.ref.ambiguous.detail", new Object[] {ref.shown(), found.size(), names}, locale));
    }
}
