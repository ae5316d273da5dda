package org.fundguard.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.core5.util.Timeout;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One client for the whole application, over every configured node. It connects lazily, so FundGuard starts while Elasticsearch is
 * down, and its short connect timeout makes an unreachable node fail fast instead of hanging a load.
 */
@Configuration
class ElasticsearchConfig {

	@Bean(destroyMethod = "close")
	Rest5Client elasticsearchRestClient(ElasticsearchProperties properties) {
		Timeout connect = Timeout.of(properties.connectTimeout());
		Timeout socket = Timeout.of(properties.socketTimeout());
		// several nodes: the client takes them in turn and sends a request that one does not answer to the next
		return Rest5Client.builder(properties.urls())
			.setConnectionConfigCallback(c -> c.setConnectTimeout(connect).setSocketTimeout(socket))
			.setRequestConfigCallback(r -> r.setConnectionRequestTimeout(connect).setResponseTimeout(socket))
			.build();
	}

	@Bean
	ElasticsearchClient elasticsearchClient(Rest5Client restClient, ObjectMapper objectMapper) {
		return new ElasticsearchClient(new Rest5ClientTransport(restClient, new JacksonJsonpMapper(objectMapper.copy())));
	}
}
