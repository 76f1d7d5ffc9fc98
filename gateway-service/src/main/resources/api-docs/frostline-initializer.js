// Swagger UI for the Frostline gateway: one document of all services, or one per service.
// The gateway fills in the list of documents (FROSTLINE_DOCUMENTS) when it starts.
window.onload = function () {
  window.ui = SwaggerUIBundle({
    urls: FROSTLINE_DOCUMENTS,
    'urls.primaryName': 'All services',
    dom_id: '#swagger-ui',
    deepLinking: true,
    persistAuthorization: false,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: 'StandaloneLayout'
  });
};
