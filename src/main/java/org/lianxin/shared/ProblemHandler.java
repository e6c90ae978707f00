package org.lianxin.shared;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;

/**
 * Turns every failure into an RFC 9457 ProblemDetail with a stable {@code type} and a message in the
 * caller's language. Bad input answers 400 with each field named; nothing answers 500 for input.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    public static final String TYPE_BASE = "https://lianxin.org/problems/";
    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final MessageSource messages;

    private final long maxUploadMb;

    public ProblemHandler(MessageSource messages,
                          @org.springframework.beans.factory.annotation.Value("${spring.servlet.multipart.max-file-size:20MB}")
                          org.springframework.util.unit.DataSize maxUpload) {
        this.messages = messages;
        this.maxUploadMb = maxUpload.toMegabytes();
    }

    /** A field that is wrong and what is wrong with it, in the caller's language. */
    public record FieldMessage(String field, String message) {
    }

    public ProblemDetail problem(HttpStatusCode status, String type, String detailKey, Object... args) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, text(detailKey, args));
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(text("problem." + type + ".title"));
        return problem;
    }

    private String text(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, key, locale);
    }

    private ProblemDetail validation(List<FieldMessage> errors, String type) {
        String fields = errors.stream().map(FieldMessage::field).distinct().collect(Collectors.joining(", "));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, type, "problem.validation.detail", fields);
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "problem.not-found.detail", text("object." + e.objectType()));
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        List<FieldMessage> errors = e.problems().stream()
                .map(p -> new FieldMessage(p.field(), text(p.messageKey(), p.args()))).toList();
        ProblemDetail problem = validation(errors, e.type());
        if (errors.size() == 1) {
            problem.setDetail(errors.get(0).message());
        }
        return problem;
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, e.type(), e.messageKey(), e.args());
    }

    @ExceptionHandler(UnauthenticatedException.class)
    ProblemDetail unauthenticated(UnauthenticatedException e) {
        return problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "problem.unauthenticated.detail");
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        ProblemDetail problem = problem(HttpStatus.FORBIDDEN, "forbidden", "problem.forbidden.detail");
        problem.setProperty("permission", e.permission());
        return problem;
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail staleVersion(OptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, "stale-version", "problem.stale-version.detail");
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException e) {
        log.info("integrity violation: {}", e.getMostSpecificCause().getMessage());
        return problem(HttpStatus.CONFLICT, "conflict", "problem.conflict.detail");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldMessage> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(new FieldMessage(error.getField(), error.getDefaultMessage()));
        }
        ex.getBindingResult().getGlobalErrors()
                .forEach(error -> errors.add(new FieldMessage(error.getObjectName(), error.getDefaultMessage())));
        return ResponseEntity.badRequest().body(validation(errors, "validation"));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldMessage> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.add(new FieldMessage(result.getMethodParameter().getParameterName(), error.getDefaultMessage()))));
        return ResponseEntity.badRequest().body(validation(errors, "validation"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        String field = null;
        if (ex.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            field = jackson.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
        }
        if (field != null && !field.isBlank()) {
            return ResponseEntity.badRequest().body(validation(
                    List.of(new FieldMessage(field, text("problem.malformed-request.field"))), "malformed-request"));
        }
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "malformed-request",
                "problem.malformed-request.detail"));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return ResponseEntity.badRequest().body(validation(
                List.of(new FieldMessage(ex.getParameterName(), text("validation.required"))), "validation"));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            org.springframework.web.multipart.MaxUploadSizeExceededException ex, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem(HttpStatus.CONTENT_TOO_LARGE, "upload-too-large",
                "problem.upload-too-large.detail", maxUploadMb));
    }

    /** A multipart body that cannot be parsed: bad input, not a server error. */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ProblemDetail multipart(org.springframework.web.multipart.MultipartException e) {
        return problem(HttpStatus.BAD_REQUEST, "malformed-request", "problem.malformed-request.detail");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return validation(List.of(new FieldMessage(e.getName(), text("problem.malformed-request.field"))), "validation");
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        // the framework's own problems (405, 415, 406…) get our type base and a localized title too
        if (body instanceof ProblemDetail problem && (problem.getType() == null
                || "about:blank".equals(problem.getType().toString()))) {
            String type = switch (statusCode.value()) {
                case 404 -> "not-found";
                case 405 -> "method-not-allowed";
                case 415 -> "unsupported-media-type";
                case 406 -> "not-acceptable";
                default -> "http-" + statusCode.value();
            };
            problem.setType(URI.create(TYPE_BASE + type));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    /** A handler for what nothing else caught: logged with its stack, answered without it. */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "problem.internal.detail");
    }

    /** Fields of a map payload that were wrong, for callers that validate by hand. */
    public static List<FieldMessage> fields(Map<String, String> byField) {
        return byField.entrySet().stream().map(e -> new FieldMessage(e.getKey(), e.getValue())).toList();
    }
}
