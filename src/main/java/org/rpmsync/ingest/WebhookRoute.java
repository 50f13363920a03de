package org.rpmsync.ingest;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.micrometer.observation.ObservationPredicate;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * Routes {@code /webhooks/tenovi/*} to {@link WebhookEndpoint} before the annotated controllers are looked at, and
 * describes the operation in the OpenAPI document (springdoc finds annotated controllers only). Deliveries are not
 * observed as HTTP server requests (no {@code http.server.requests} timer for them: under load it was a tenth of the
 * request threads' CPU); {@code rpmsync.webhook.deliveries} counts them by outcome.
 */
@Configuration(proxyBeanMethods = false)
class WebhookRoute {

    @Bean
    SimpleUrlHandlerMapping tenoviWebhookRoute(WebhookEndpoint endpoint) {
        return new SimpleUrlHandlerMapping(Map.of(WebhookEndpoint.PATH + "*", endpoint), Ordered.HIGHEST_PRECEDENCE);
    }

    @Bean
    ObservationPredicate webhookRequestsUnobserved() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && request.getCarrier().getRequestURI().startsWith(WebhookEndpoint.PATH));
    }

    @Bean
    OpenApiCustomizer tenoviWebhookDescription() {
        return api -> {
            ApiResponses answers = new ApiResponses()
                    .addApiResponse("202", answer("Accepted and committed; processed afterwards"))
                    .addApiResponse("400", answer("malformed_payload"))
                    .addApiResponse("401", answer("unauthorized: missing or wrong secret, or unknown webhook"))
                    .addApiResponse("413", answer("payload_too_large"))
                    .addApiResponse("415", answer("unsupported_media_type"))
                    .addApiResponse("429", answer("rate_limited, with Retry-After"))
                    .addApiResponse("503", answer("busy or unavailable, with Retry-After: not acknowledged, retry"));
            Operation receive = new Operation().summary("Receive a Tenovi webhook delivery")
                    .description("See docs/api.md §6.")
                    .addParametersItem(new Parameter().in("path").name("webhookKey").required(true)
                            .schema(new Schema<String>().type("string")))
                    .requestBody(new RequestBody().required(true).content(new Content()
                            .addMediaType("application/json", new MediaType().schema(new Schema<>().type("object")))))
                    .responses(answers);
            api.path(WebhookEndpoint.PATH + "{webhookKey}", new PathItem().post(receive));
        };
    }

    private static ApiResponse answer(String description) {
        return new ApiResponse().description(description);
    }
}
