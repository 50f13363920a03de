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
import jakarta.servlet.DispatcherType;
import org.rpmsync.security.MachineAnswerHeaders;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts {@link WebhookFront} first in the servlet filter chain for {@code /webhooks/tenovi/*}, and describes the
 * operation in the OpenAPI document (springdoc finds annotated controllers only). Deliveries never reach the
 * observation filter, so they are not timed as {@code http.server.requests} (under load that timer was a tenth of
 * the request threads' CPU); {@code rpmsync.webhook.deliveries} counts them by outcome.
 */
@Configuration(proxyBeanMethods = false)
class WebhookRoute {

    @Bean
    FilterRegistrationBean<WebhookFront> tenoviWebhookFront(WebhookEndpoint endpoint, MachineAnswerHeaders headers) {
        FilterRegistrationBean<WebhookFront> front = new FilterRegistrationBean<>(new WebhookFront(endpoint, headers));
        front.addUrlPatterns(WebhookEndpoint.PATH + "*");
        front.setDispatcherTypes(DispatcherType.REQUEST);
        // Before every other filter: a delivery needs none of them.
        front.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return front;
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
