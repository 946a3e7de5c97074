namespace Centric.Domain.Exports;

/// <summary>
/// Common English, Spanish and Italian names of the canonical columns. A synonym is only looked up among the
/// columns of the file's kind, so <c>fecha</c> is <c>order_date</c> in orders and <c>date</c> in fx-rates.
/// </summary>
public static class HeaderSynonyms
{
    private static readonly Dictionary<string, (string[] English, string[] European)> Table = new(StringComparer.Ordinal)
    {
        ["customer_id"] = (
            ["customer", "customer_no", "customer_number", "customer_code", "client_id", "client", "account_id", "account"],
            ["id_cliente", "cliente", "codigo_cliente", "cod_cliente", "numero_cliente", "num_cliente", "n_cliente",
                "cliente_id", "codice_cliente", "id_cliente", "cod_cliente"]),
        ["order_id"] = (
            ["order", "order_no", "order_number", "invoice", "invoice_id", "invoice_number", "invoice_no"],
            ["id_pedido", "pedido", "numero_pedido", "num_pedido", "n_pedido", "id_ordine", "ordine", "numero_ordine",
                "n_ordine", "codice_ordine", "factura", "numero_factura", "fattura", "numero_fattura"]),
        ["order_date"] = (
            ["date", "ordered_at", "order_time", "created", "purchase_date", "invoice_date", "order_datetime"],
            ["fecha_pedido", "fecha", "fecha_compra", "fecha_factura", "data_ordine", "data", "data_acquisto",
                "data_fattura"]),
        ["amount"] = (
            ["total", "total_amount", "value", "revenue", "net_amount", "price", "order_total", "amount_total"],
            ["importe", "importe_total", "monto", "importo", "totale", "importo_totale", "valore"]),
        ["currency"] = (["currency_code", "ccy"], ["moneda", "divisa", "valuta"]),
        ["status"] = (["order_status", "state"], ["estado", "estado_pedido", "stato", "stato_ordine"]),
        ["shipped_at"] = (
            ["ship_date", "shipped", "shipping_date", "shipped_date"],
            ["fecha_envio", "enviado", "data_spedizione", "spedito"]),
        ["delivered_at"] = (
            ["delivery_date", "delivered", "delivered_date"],
            ["fecha_entrega", "entregado", "data_consegna", "consegnato"]),
        ["created_at"] = (
            ["signup_date", "sign_up_date", "registered_at", "registration_date", "customer_since", "created"],
            ["fecha_alta", "fecha_registro", "fecha_creacion", "alta", "data_registrazione", "data_iscrizione",
                "data_creazione"]),
        ["country"] = (["country_code"], ["pais", "codigo_pais", "paese", "nazione"]),
        ["segment"] = (["customer_segment"], ["segmento"]),
        ["plan"] = (["tier", "product_plan"], ["piano"]),
        ["channel"] = (["acquisition_channel"], ["canal", "canale"]),
        ["name"] = (
            ["customer_name", "full_name", "company"],
            ["nombre", "nombre_cliente", "razon_social", "nome", "nome_cliente", "ragione_sociale"]),
        ["email"] = (["e_mail", "mail", "email_address"], ["correo", "correo_electronico", "posta_elettronica"]),
        ["subscription_id"] = (
            ["subscription", "sub_id"],
            ["id_suscripcion", "suscripcion", "id_abbonamento", "abbonamento"]),
        ["start_date"] = (
            ["started_at", "started", "start", "starts_at"],
            ["fecha_inicio", "inicio", "data_inizio", "inizio"]),
        ["mrr"] = (
            ["monthly_recurring_revenue", "monthly_amount", "monthly_price", "monthly_fee"],
            ["cuota_mensual", "importe_mensual", "canone_mensile", "importo_mensile"]),
        ["end_date"] = (
            ["ended_at", "cancelled_at", "canceled_at", "end", "ends_at", "churn_date"],
            ["fecha_fin", "fecha_baja", "fin", "data_fine", "data_cessazione", "fine"]),
        ["ticket_id"] = (
            ["ticket", "case_id", "case", "ticket_number"],
            ["id_ticket", "incidencia", "id_incidencia", "numero_ticket"]),
        ["opened_at"] = (
            ["opened", "open_date", "created_at", "created"],
            ["fecha_apertura", "apertura", "abierto", "data_apertura", "aperto"]),
        ["first_response_at"] = (
            ["first_response", "first_reply_at", "first_reply", "responded_at"],
            ["fecha_primera_respuesta", "primera_respuesta", "data_prima_risposta", "prima_risposta"]),
        ["resolved_at"] = (
            ["resolved", "closed_at", "resolution_date", "closed"],
            ["fecha_resolucion", "fecha_cierre", "resuelto", "data_risoluzione", "data_chiusura", "risolto"]),
        ["priority"] = ([], ["prioridad", "priorita"]),
        ["response_id"] = (["response", "answer_id"], ["id_respuesta", "respuesta", "id_risposta", "risposta"]),
        ["answered_at"] = (
            ["answered", "response_date", "submitted_at", "date"],
            ["fecha_respuesta", "fecha", "data_risposta", "data"]),
        ["survey"] = (
            ["survey_type", "type", "survey_name"],
            ["encuesta", "tipo_encuesta", "sondaggio", "tipo_sondaggio", "questionario"]),
        ["score"] = (
            ["rating", "value", "grade"],
            ["puntuacion", "valoracion", "nota", "punteggio", "voto", "valutazione"]),
        ["touchpoint"] = (
            ["touch_point", "touchpoint_name", "collected_at_touchpoint", "journey_step", "survey_channel"],
            ["punto_de_contacto", "punto_contacto", "punto_di_contatto", "punto_contatto"]),
        ["comment"] = (["comments", "feedback", "text"], ["comentario", "comentarios", "commento", "commenti"]),
        ["message_id"] = (["message", "email_id"], ["id_mensaje", "mensaje", "id_messaggio", "messaggio"]),
        ["sent_at"] = (
            ["sent", "send_date", "sent_date", "date"],
            ["fecha_envio", "enviado", "fecha", "data_invio", "inviato", "data"]),
        ["clicked_at"] = (["clicked", "click_date"], ["fecha_clic", "clic", "data_clic", "cliccato"]),
        ["unsubscribed_at"] = (
            ["unsubscribed", "unsubscribe_date", "opt_out"],
            ["fecha_baja", "baja", "data_disiscrizione", "disiscritto"]),
        ["started_at"] = (
            ["start_date", "started", "start"],
            ["fecha_inicio", "inicio", "data_inizio", "inizio"]),
        ["completed_at"] = (
            ["completed", "completion_date", "finished_at"],
            ["fecha_fin", "fecha_finalizacion", "data_completamento", "data_fine"]),
        ["steps_completed"] = (["completed_steps", "steps_done"], ["pasos_completados", "passi_completati"]),
        ["steps_total"] = (["total_steps", "steps"], ["pasos_totales", "total_pasos", "passi_totali"]),
        ["mention_id"] = (["mention", "post_id"], ["id_mencion", "mencion", "id_menzione", "menzione"]),
        ["mentioned_at"] = (
            ["date", "published_at", "posted_at", "created_at"],
            ["fecha", "fecha_publicacion", "data", "data_pubblicazione"]),
        ["source"] = (["platform", "network", "site"], ["fuente", "plataforma", "fonte", "piattaforma"]),
        ["sentiment"] = (["sentiment_score", "polarity", "tone"], ["sentimiento", "sentimento", "tono"]),
        ["date"] = (["rate_date", "day", "as_of"], ["fecha", "dia", "data", "giorno"]),
        ["rate"] = (
            ["fx_rate", "exchange_rate", "value"],
            ["tipo_cambio", "tasa", "cambio", "tasso", "tasso_cambio"]),
    };

    /// <summary>The normalised synonyms of a canonical column, each with whether it is a Spanish/Italian name.</summary>
    public static IEnumerable<(string Normalized, bool European)> For(string canonicalName)
    {
        if (!Table.TryGetValue(canonicalName, out var names))
        {
            yield break;
        }

        foreach (var name in names.English)
        {
            yield return (HeaderNormalizer.Normalize(name), false);
        }

        foreach (var name in names.European)
        {
            yield return (HeaderNormalizer.Normalize(name), true);
        }
    }
}
