package org.lianxin.access;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.lianxin.organization.Areas;
import org.lianxin.organization.Areas.AreaRef;
import org.lianxin.shared.Actor;
import org.lianxin.shared.CurrentUser;
import org.lianxin.shared.Scope;
import org.lianxin.shared.UnauthenticatedException;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Builds the {@link Actor} of a request from the session's username: the account's current role
 * assignments and, per permission, the scope they give. Read once per request, so that a role
 * revoked a moment ago no longer applies.
 */
@Component
class ActorResolver implements HandlerMethodArgumentResolver {

    private static final String ATTRIBUTE = ActorResolver.class.getName();

    private final AccountRepository accounts;
    private final Areas areas;

    ActorResolver(AccountRepository accounts, Areas areas) {
        this.accounts = accounts;
        this.areas = areas;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(CurrentUser.class) && parameter.getParameterType() == Actor.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binderFactory) {
        Actor actor = currentOrNull();
        if (actor == null) {
            throw new UnauthenticatedException();
        }
        return actor;
    }

    /** The caller of the current request, or null outside a logged-in request. */
    @Transactional(readOnly = true)
    Actor currentOrNull() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes != null && attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof Actor a) {
            return a;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        Actor actor = accounts.findByUsername(authentication.getName()).filter(Account::enabled).map(this::actorOf)
                .orElse(null);
        if (actor != null && attributes != null) {
            attributes.setAttribute(ATTRIBUTE, actor, RequestAttributes.SCOPE_REQUEST);
        }
        return actor;
    }

    Actor actorOf(Account account) {
        List<RoleAssignment> assignments = account.assignments();
        Map<Long, AreaRef> byId = areas.findAll(assignments.stream().map(RoleAssignment::areaId).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(AreaRef::id, a -> a));
        Map<String, Set<String>> paths = new HashMap<>();
        List<Actor.Grant> grants = assignments.stream().filter(a -> byId.containsKey(a.areaId())).map(a -> {
            AreaRef area = byId.get(a.areaId());
            for (String permission : a.role().permissions()) {
                paths.computeIfAbsent(permission, p -> new HashSet<>()).add(area.path());
            }
            return new Actor.Grant(a.id(), a.role().name(), area.id(), area.name(), area.level(), area.path());
        }).toList();
        Map<String, Scope> scopes = new HashMap<>();
        paths.forEach((permission, set) -> scopes.put(permission, Scope.of(set)));
        return new Actor(account.id(), account.username(), account.displayName(), grants, scopes);
    }
}
