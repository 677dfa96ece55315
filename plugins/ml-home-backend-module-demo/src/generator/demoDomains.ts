/*
 * What the demo's data sets look like, per business domain: the feature schema every project of
 * the domain reads (its training set, evaluation set and feature set), which categorical features
 * evaluations are sliced by, and the label. And where the demo's models are served: the service
 * components of `examples/systems.yaml`, with the models their `ml-home.io/models` annotation
 * names (generateDemoData.test.ts holds this table to the YAML).
 */

/** A column of a demo data set; `values` (categorical features only) are what slices use. */
export interface DemoFeatureSpec {
  name: string;
  type: string;
  description: string;
  values?: readonly string[];
}

export interface DemoDomain {
  /** The features, label last. */
  features: readonly DemoFeatureSpec[];
  /** Categorical features evaluations are sliced by, most telling first. */
  sliceBy: readonly string[];
  /** Slices known to be hard (fewer examples, noisier labels); one of them often gets its own threshold. */
  hardSlices: readonly string[];
}

const COUNTRIES = ['us', 'gb', 'de', 'br', 'mx', 'jp', 'in', 'se'] as const;
const DEVICES = ['ios', 'android', 'web', 'tv', 'car'] as const;

const country = (what = "Listener's country"): DemoFeatureSpec => ({
  name: 'country',
  type: 'category',
  description: `${what} (ISO 3166-1 alpha-2, lower case)`,
  values: COUNTRIES,
});
const device: DemoFeatureSpec = {
  name: 'device',
  type: 'category',
  description: 'Client platform of the session: ios, android, web, tv or car',
  values: DEVICES,
};

const DOMAINS = {
  home: {
    sliceBy: ['country', 'device', 'tenure', 'item_type'],
    hardSlices: ['device=tv', 'tenure=new', 'country=in'],
    features: [
      country(),
      device,
      {
        name: 'tenure',
        type: 'category',
        description:
          'Listener tenure at impression time: new (< 30 days), 1-12m or 1y-plus',
        values: ['new', '1-12m', '1y-plus'],
      },
      {
        name: 'item_type',
        type: 'category',
        description:
          'What the impression showed: track, album, playlist or episode',
        values: ['track', 'album', 'playlist', 'episode'],
      },
      {
        name: 'is_premium',
        type: 'bool',
        description: 'Premium subscriber at impression time',
      },
      {
        name: 'user_taste_embedding',
        type: 'float[128]',
        description:
          'Daily listener taste vector (audio-embeddings foundation model, averaged over 28 days of listens)',
      },
      {
        name: 'item_embedding',
        type: 'float[128]',
        description: 'Track, album, playlist or episode vector, same space',
      },
      {
        name: 'plays_7d',
        type: 'int',
        description: 'Plays by the listener in the last 7 days',
      },
      {
        name: 'skip_rate_30d',
        type: 'float',
        description:
          'Share of the listener’s plays skipped within 30 s, last 30 days',
      },
      {
        name: 'hour_of_day_local',
        type: 'int',
        description: 'Hour of the session in the listener’s time zone (0-23)',
      },
      {
        name: 'shelf_position',
        type: 'int',
        description: 'Vertical position of the shelf on Home, 0 = top',
      },
      {
        name: 'item_age_days',
        type: 'int',
        description: 'Days since the item was released or created',
      },
      {
        name: 'label_long_listen',
        type: 'bool',
        description:
          'Label: the item was played for 30 s or more within the session',
      },
    ],
  },
  'podcast-recs': {
    sliceBy: ['country', 'show_category', 'device', 'podcast_tenure'],
    hardSlices: ['podcast_tenure=new', 'show_category=kids', 'country=jp'],
    features: [
      country(),
      device,
      {
        name: 'show_category',
        type: 'category',
        description: 'Top-level category of the show',
        values: ['true-crime', 'comedy', 'news', 'business', 'sports', 'kids'],
      },
      {
        name: 'podcast_tenure',
        type: 'category',
        description:
          'Podcast listening history: new (no plays > 5 min yet), casual or regular',
        values: ['new', 'casual', 'regular'],
      },
      {
        name: 'show_embedding',
        type: 'float[256]',
        description: 'Show vector from the episode-embeddings model',
      },
      {
        name: 'episode_duration_min',
        type: 'float',
        description: 'Episode length in minutes',
      },
      {
        name: 'follows_count',
        type: 'int',
        description: 'Shows the listener follows',
      },
      {
        name: 'completion_rate_30d',
        type: 'float',
        description: 'Mean completion of the listener’s episodes, last 30 days',
      },
      {
        name: 'label_played_5min',
        type: 'bool',
        description: 'Label: the episode was played for at least 5 minutes',
      },
    ],
  },
  'podcast-content': {
    sliceBy: ['language', 'content_type', 'publisher_tier'],
    hardSlices: ['language=ja', 'publisher_tier=independent'],
    features: [
      {
        name: 'language',
        type: 'category',
        description: 'Spoken language of the episode (ISO 639-1)',
        values: ['en', 'es', 'de', 'pt', 'fr', 'ja'],
      },
      {
        name: 'content_type',
        type: 'category',
        description:
          'Format of the episode: interview, narrative, news or comedy',
        values: ['interview', 'narrative', 'news', 'comedy'],
      },
      {
        name: 'publisher_tier',
        type: 'category',
        description: 'major (network) or independent publisher',
        values: ['major', 'independent'],
      },
      {
        name: 'transcript_text',
        type: 'string',
        description:
          'Transcript from the podcast-transcription pipeline, truncated to 8k tokens',
      },
      {
        name: 'episode_description',
        type: 'string',
        description: 'Publisher-provided description, HTML stripped',
      },
      {
        name: 'audio_duration_s',
        type: 'float',
        description: 'Episode length in seconds',
      },
      {
        name: 'publish_age_days',
        type: 'int',
        description: 'Days since the episode was published',
      },
      {
        name: 'label_topic',
        type: 'category',
        description:
          'Label: topic from the 120-topic taxonomy, editor-assigned',
      },
    ],
  },
  search: {
    sliceBy: ['market', 'query_type', 'device'],
    hardSlices: ['query_type=descriptive', 'market=jp', 'device=tv'],
    features: [
      {
        name: 'market',
        type: 'category',
        description: 'Market the search ran in (ISO 3166-1 alpha-2)',
        values: COUNTRIES,
      },
      device,
      {
        name: 'query_type',
        type: 'category',
        description:
          'Intent from query-intent-classification: artist, track, podcast, playlist or descriptive',
        values: ['artist', 'track', 'podcast', 'playlist', 'descriptive'],
      },
      {
        name: 'query_text',
        type: 'string',
        description: 'Normalised query (lower-cased, NFKC)',
      },
      {
        name: 'query_length_chars',
        type: 'int',
        description: 'Length of the submitted query',
      },
      {
        name: 'bm25_score',
        type: 'float',
        description: 'Lexical retrieval score of the candidate',
      },
      {
        name: 'item_popularity_30d',
        type: 'float',
        description: 'Log plays of the candidate in the market, last 30 days',
      },
      {
        name: 'listener_affinity',
        type: 'float',
        description: 'Cosine of listener taste and candidate vectors',
      },
      {
        name: 'label_click_and_play',
        type: 'bool',
        description: 'Label: clicked and played for 30 s or more',
      },
    ],
  },
  query: {
    sliceBy: ['language', 'input_method', 'query_length'],
    hardSlices: ['input_method=tv-remote', 'language=ja', 'query_length=1-3'],
    features: [
      {
        name: 'language',
        type: 'category',
        description: 'Language of the query, detected (ISO 639-1)',
        values: ['en', 'es', 'de', 'pt', 'fr', 'ja'],
      },
      {
        name: 'input_method',
        type: 'category',
        description: 'How the query was entered: typed, voice or tv-remote',
        values: ['typed', 'voice', 'tv-remote'],
      },
      {
        name: 'query_length',
        type: 'category',
        description:
          'Length bucket of the prefix or query, in characters: 1-3, 4-8 or 9-plus',
        values: ['1-3', '4-8', '9-plus'],
      },
      {
        name: 'prefix',
        type: 'string',
        description: 'What the listener had typed when suggestions were shown',
      },
      {
        name: 'previous_query',
        type: 'string',
        description: 'The previous query of the session, if any',
      },
      {
        name: 'recent_artist_ids',
        type: 'string[]',
        description: 'Up to 20 artists the listener played in the last 7 days',
      },
      {
        name: 'label_final_query',
        type: 'string',
        description: 'Label: the query the listener finally submitted',
      },
    ],
  },
  ads: {
    sliceBy: ['ad_format', 'country', 'advertiser_vertical', 'daypart'],
    hardSlices: ['ad_format=video', 'advertiser_vertical=finance'],
    features: [
      country(),
      device,
      {
        name: 'ad_format',
        type: 'category',
        description: 'audio, video or display',
        values: ['audio', 'video', 'display'],
      },
      {
        name: 'advertiser_vertical',
        type: 'category',
        description: 'Advertiser’s industry',
        values: ['cpg', 'auto', 'entertainment', 'finance', 'tech'],
      },
      {
        name: 'daypart',
        type: 'category',
        description:
          'Local time of the auction: morning, daytime, evening or night',
        values: ['morning', 'daytime', 'evening', 'night'],
      },
      {
        name: 'campaign_objective',
        type: 'category',
        description: 'reach, clicks or conversions',
      },
      {
        name: 'frequency_7d',
        type: 'int',
        description: 'Times this listener saw the campaign in the last 7 days',
      },
      {
        name: 'bid_floor_cpm',
        type: 'float',
        description: 'Floor price of the slot, USD CPM',
      },
      {
        name: 'audience_segment_ids',
        type: 'string[]',
        description:
          'Hashed audience segments (consented listeners only; GDPR purpose: advertising)',
      },
      {
        name: 'creative_embedding',
        type: 'float[64]',
        description: 'Vector of the ad creative (audio or image)',
      },
      {
        name: 'label_click',
        type: 'bool',
        description:
          'Label: the ad was clicked (or the companion banner tapped)',
      },
    ],
  },
  subscriptions: {
    sliceBy: ['plan', 'country', 'account_age', 'payment_method'],
    hardSlices: [
      'plan=student',
      'account_age=lt-3m',
      'payment_method=carrier-billing',
    ],
    features: [
      country('Billing country'),
      {
        name: 'plan',
        type: 'category',
        description: 'Current plan: free, individual, duo, family or student',
        values: ['free', 'individual', 'duo', 'family', 'student'],
      },
      {
        name: 'account_age',
        type: 'category',
        description: 'Account age bucket: lt-3m, 3-12m, 1-3y or 3y-plus',
        values: ['lt-3m', '3-12m', '1-3y', '3y-plus'],
      },
      {
        name: 'payment_method',
        type: 'category',
        description: 'card, paypal, carrier-billing or gift-card',
        values: ['card', 'paypal', 'carrier-billing', 'gift-card'],
      },
      {
        name: 'listening_hours_28d',
        type: 'float',
        description: 'Hours listened in the last 28 days',
      },
      {
        name: 'days_since_last_listen',
        type: 'int',
        description: 'Days since the last play of 30 s or more',
      },
      {
        name: 'payment_failures_90d',
        type: 'int',
        description: 'Failed renewals in the last 90 days',
      },
      {
        name: 'support_tickets_90d',
        type: 'int',
        description: 'Support contacts in the last 90 days',
      },
      {
        name: 'price_increase_notified',
        type: 'bool',
        description: 'Received a price-change email in the last 60 days',
      },
      {
        name: 'active_devices_28d',
        type: 'int',
        description: 'Distinct devices used in the last 28 days',
      },
      {
        name: 'label_churn_30d',
        type: 'bool',
        description:
          'Label: cancelled (or failed to renew) within 30 days of the snapshot',
      },
    ],
  },
  speech: {
    sliceBy: ['language', 'device', 'noise'],
    hardSlices: ['noise=loud', 'device=car', 'language=pt-br'],
    features: [
      {
        name: 'language',
        type: 'category',
        description: 'Locale of the speaker (BCP-47)',
        values: ['en-us', 'en-gb', 'es-mx', 'de-de', 'pt-br', 'ja-jp'],
      },
      {
        name: 'device',
        type: 'category',
        description: 'Capture device: phone, car, smart-speaker or tv',
        values: ['phone', 'car', 'smart-speaker', 'tv'],
      },
      {
        name: 'noise',
        type: 'category',
        description:
          'Background-noise bucket from the SNR estimate: quiet, moderate or loud',
        values: ['quiet', 'moderate', 'loud'],
      },
      {
        name: 'log_mel_frames',
        type: 'float[80][T]',
        description: '80-band log-mel frames, 25 ms window, 10 ms hop',
      },
      {
        name: 'sample_rate_hz',
        type: 'int',
        description: 'Original sample rate; everything is resampled to 16 kHz',
      },
      {
        name: 'utterance_duration_s',
        type: 'float',
        description: 'Length of the utterance or segment',
      },
      {
        name: 'speaker_count',
        type: 'int',
        description: 'Annotated speakers in the segment',
      },
      {
        name: 'label_transcript',
        type: 'string',
        description:
          'Label: human transcript, normalised (numbers spelled out)',
      },
    ],
  },
  fraud: {
    sliceBy: ['country', 'payment_method', 'account_age'],
    hardSlices: ['payment_method=gift-card', 'account_age=lt-7d'],
    features: [
      country('Country of the card or account'),
      {
        name: 'payment_method',
        type: 'category',
        description: 'card, paypal, carrier-billing or gift-card',
        values: ['card', 'paypal', 'carrier-billing', 'gift-card'],
      },
      {
        name: 'account_age',
        type: 'category',
        description: 'Account age bucket: lt-7d, 7-90d or 90d-plus',
        values: ['lt-7d', '7-90d', '90d-plus'],
      },
      device,
      {
        name: 'amount_usd',
        type: 'float',
        description: 'Amount of the payment or event, in USD',
      },
      {
        name: 'bin_country_mismatch',
        type: 'bool',
        description: 'Card BIN country differs from the IP country',
      },
      {
        name: 'events_24h',
        type: 'int',
        description:
          'Payments, logins or streams of the account in the last 24 h',
      },
      {
        name: 'distinct_devices_7d',
        type: 'int',
        description: 'Devices seen on the account in the last 7 days',
      },
      {
        name: 'ip_asn_risk',
        type: 'float',
        description: 'Share of confirmed fraud from the IP’s ASN, 90 days',
      },
      {
        name: 'device_graph_cluster_size',
        type: 'int',
        description:
          'Accounts linked to the same devices and payment instruments',
      },
      {
        name: 'label_fraud',
        type: 'bool',
        description:
          'Label: confirmed fraud (chargeback, investigation or takeover report) within 90 days',
      },
    ],
  },
  moderation: {
    sliceBy: ['language', 'surface', 'account_age'],
    hardSlices: ['language=tr', 'surface=profile-name'],
    features: [
      {
        name: 'language',
        type: 'category',
        description: 'Detected language of the text (ISO 639-1)',
        values: ['en', 'es', 'pt', 'de', 'fr', 'tr', 'id'],
      },
      {
        name: 'surface',
        type: 'category',
        description:
          'Where the text appears: playlist-title, playlist-description, profile-name or comment',
        values: [
          'playlist-title',
          'playlist-description',
          'profile-name',
          'comment',
        ],
      },
      {
        name: 'account_age',
        type: 'category',
        description: 'Age of the author’s account: lt-7d, 7-90d or 90d-plus',
        values: ['lt-7d', '7-90d', '90d-plus'],
      },
      {
        name: 'text',
        type: 'string',
        description:
          'The user-generated text, NFKC-normalised, max 2,000 characters',
      },
      {
        name: 'text_length',
        type: 'int',
        description: 'Length in characters',
      },
      {
        name: 'emoji_ratio',
        type: 'float',
        description: 'Share of characters that are emoji',
      },
      {
        name: 'prior_reports_90d',
        type: 'int',
        description: 'Reports against the author in the last 90 days',
      },
      {
        name: 'label_policy',
        type: 'category',
        description:
          'Label: ok, spam, hate, harassment or sexual (moderator decision)',
      },
    ],
  },
  'platform-data': {
    sliceBy: ['feature_group', 'cadence', 'source_system'],
    hardSlices: ['source_system=cdc', 'cadence=hourly'],
    features: [
      {
        name: 'feature_group',
        type: 'category',
        description:
          'Feature group of the materialisation: listener, content, ads or payments',
        values: ['listener', 'content', 'ads', 'payments'],
      },
      {
        name: 'cadence',
        type: 'category',
        description: 'hourly, daily or weekly',
        values: ['hourly', 'daily', 'weekly'],
      },
      {
        name: 'source_system',
        type: 'category',
        description: 'kafka, warehouse or cdc',
        values: ['kafka', 'warehouse', 'cdc'],
      },
      {
        name: 'null_rate_delta',
        type: 'float',
        description: 'Null rate minus its trailing 28-day median',
      },
      {
        name: 'row_count_ratio',
        type: 'float',
        description: 'Rows written over the trailing median',
      },
      {
        name: 'freshness_lag_min',
        type: 'int',
        description:
          'Minutes between the newest source event and materialisation',
      },
      {
        name: 'schema_changed',
        type: 'bool',
        description: 'The source schema changed since the previous run',
      },
      {
        name: 'label_incident',
        type: 'bool',
        description:
          'Label: the run was tied to a model incident in a post-mortem',
      },
    ],
  },
  'platform-ops': {
    sliceBy: ['region', 'model_tier', 'daypart'],
    hardSlices: ['daypart=evening', 'model_tier=tier-1'],
    features: [
      {
        name: 'region',
        type: 'category',
        description: 'Serving region: eu-west, us-east or ap-northeast',
        values: ['eu-west', 'us-east', 'ap-northeast'],
      },
      {
        name: 'model_tier',
        type: 'category',
        description: 'Tier of the model behind the gateway route',
        values: ['tier-1', 'tier-2', 'tier-3'],
      },
      {
        name: 'daypart',
        type: 'category',
        description: 'Local time bucket: morning, daytime, evening or night',
        values: ['morning', 'daytime', 'evening', 'night'],
      },
      {
        name: 'rpm_lag_15m',
        type: 'float',
        description: 'Requests per minute, 15 minutes earlier',
      },
      {
        name: 'rpm_lag_1d',
        type: 'float',
        description: 'Requests per minute at the same time the day before',
      },
      {
        name: 'is_release_day',
        type: 'bool',
        description: 'A client release went out in the last 24 h',
      },
      {
        name: 'gpu_pool',
        type: 'category',
        description: 'a100-40gb, a100-80gb, l4 or h100-80gb',
      },
      {
        name: 'label_target',
        type: 'float',
        description:
          'Label: requests per minute 15 minutes ahead (or the benchmark score)',
      },
    ],
  },
  catalogue: {
    sliceBy: ['genre', 'decade', 'language'],
    hardSlices: ['genre=classical', 'decade=pre-1990'],
    features: [
      {
        name: 'genre',
        type: 'category',
        description: 'Editorial top-level genre',
        values: [
          'pop',
          'hip-hop',
          'rock',
          'latin',
          'electronic',
          'classical',
          'k-pop',
        ],
      },
      {
        name: 'decade',
        type: 'category',
        description: 'Release decade: pre-1990, 1990s, 2000s, 2010s or 2020s',
        values: ['pre-1990', '1990s', '2000s', '2010s', '2020s'],
      },
      {
        name: 'language',
        type: 'category',
        description: 'Language of the vocals, or instrumental',
        values: ['en', 'es', 'ko', 'pt', 'instrumental'],
      },
      {
        name: 'log_mel_segment',
        type: 'float[128][1000]',
        description: '10-second log-mel segment, 128 bands',
      },
      {
        name: 'track_popularity',
        type: 'float',
        description: 'Log plays, last 90 days',
      },
      {
        name: 'playlist_cooccurrence_ids',
        type: 'string[]',
        description:
          'Tracks that share the most playlists with this one (weak positives)',
      },
      {
        name: 'label_genre',
        type: 'category',
        description: 'Label: editorial genre tag',
      },
    ],
  },
} satisfies Record<string, DemoDomain>;

export type DemoDomainName = keyof typeof DOMAINS;

/** Which domain each demo project template belongs to. */
const DOMAIN_OF_PROJECT: Record<string, DemoDomainName> = {
  'home-feed-ranking': 'home',
  'home-shelf-candidates': 'home',
  'shelf-ordering': 'home',
  'new-user-cold-start': 'home',
  'home-feed-ranking-legacy': 'home',
  'podcast-recommendations': 'podcast-recs',
  'show-follow-prediction': 'podcast-recs',
  'episode-embeddings': 'podcast-content',
  'podcast-topic-classifier': 'podcast-content',
  'podcast-chapter-segmentation': 'podcast-content',
  'audio-ads-brand-safety': 'podcast-content',
  'search-ranking': 'search',
  'semantic-search-embeddings': 'search',
  'query-autocomplete': 'query',
  'spelling-correction': 'query',
  'query-intent-classification': 'query',
  'ads-ctr-prediction': 'ads',
  'ads-bid-optimizer': 'ads',
  'lookalike-audiences': 'ads',
  'ads-conversion-prediction': 'ads',
  'churn-prediction': 'subscriptions',
  'subscription-upsell': 'subscriptions',
  'family-plan-propensity': 'subscriptions',
  'payment-retry-timing': 'subscriptions',
  'churn-prediction-legacy': 'subscriptions',
  'speech-to-text': 'speech',
  'wake-word': 'speech',
  'lyrics-alignment': 'speech',
  'podcast-transcription': 'speech',
  'speaker-diarization': 'speech',
  'payment-fraud': 'fraud',
  'stream-fraud': 'fraud',
  'account-takeover-detection': 'fraud',
  'abuse-detection': 'moderation',
  'spam-playlist-detection': 'moderation',
  'feature-store-quality': 'platform-data',
  'ml-platform-benchmarks': 'platform-ops',
  'model-gateway-autoscaling': 'platform-ops',
  'audio-embeddings-foundation': 'catalogue',
  'onboarding-example': 'catalogue',
};

/** The domain of a project template (by the template's name; variants share it). */
export function demoDomainOf(templateName: string): DemoDomain {
  return DOMAINS[DOMAIN_OF_PROJECT[templateName] ?? 'home'];
}

/** A service component of the demo catalog and the models its `ml-home.io/models` names. */
export interface DemoService {
  name: string;
  owner: string;
  system: string;
  models: readonly string[];
}

/** The service components of examples/systems.yaml, in file order. */
export const DEMO_SERVICES: readonly DemoService[] = [
  {
    name: 'home-feed-ranker',
    owner: 'home-ranking',
    system: 'home-feed',
    models: ['home-feed-ranking-model', 'home-feed-ranking-legacy-model'],
  },
  {
    name: 'shelf-recommender',
    owner: 'home-ranking',
    system: 'home-feed',
    models: ['home-shelf-candidates-model', 'shelf-ordering-model'],
  },
  {
    name: 'podcast-recommender',
    owner: 'podcast-recs',
    system: 'podcasts',
    models: ['podcast-recommendations-model'],
  },
  {
    name: 'episode-embedding-service',
    owner: 'podcast-recs',
    system: 'podcasts',
    models: ['episode-embeddings-model', 'podcast-topic-classifier-model'],
  },
  {
    name: 'search-ranker',
    owner: 'search-relevance',
    system: 'search',
    models: ['search-ranking-model'],
  },
  {
    name: 'query-understanding',
    owner: 'search-relevance',
    system: 'search',
    models: [
      'query-autocomplete-model',
      'spelling-correction-model',
      'query-intent-classification-model',
    ],
  },
  {
    name: 'ads-ctr-predictor',
    owner: 'ads-ml',
    system: 'ads-platform',
    models: ['ads-ctr-prediction-model', 'ads-conversion-prediction-model'],
  },
  {
    name: 'bid-optimizer',
    owner: 'ads-ml',
    system: 'ads-platform',
    models: ['ads-bid-optimizer-model'],
  },
  {
    name: 'churn-scoring-service',
    owner: 'churn-prediction',
    system: 'subscriptions',
    models: [
      'churn-prediction-model',
      'subscription-upsell-model',
      'payment-retry-timing-model',
    ],
  },
  {
    name: 'speech-transcriber',
    owner: 'speech-ml',
    system: 'voice',
    models: ['speech-to-text-model', 'podcast-transcription-model'],
  },
  {
    name: 'wake-word-detector',
    owner: 'speech-ml',
    system: 'voice',
    models: ['wake-word-model'],
  },
  {
    name: 'fraud-scoring-service',
    owner: 'trust-safety-ml',
    system: 'trust-and-safety',
    models: [
      'payment-fraud-model',
      'stream-fraud-model',
      'account-takeover-detection-model',
    ],
  },
  {
    name: 'abuse-classifier',
    owner: 'trust-safety-ml',
    system: 'trust-and-safety',
    models: ['abuse-detection-model'],
  },
  {
    name: 'feature-store',
    owner: 'ml-platform',
    system: 'ml-platform',
    models: [
      'feature-store-quality-model',
      'audio-embeddings-foundation-model',
      'show-follow-prediction-model',
      'lookalike-audiences-model',
      'family-plan-propensity-model',
      'churn-prediction-legacy-model',
      'lyrics-alignment-model',
      'speaker-diarization-model',
      'spam-playlist-detection-model',
    ],
  },
  {
    name: 'model-gateway',
    owner: 'ml-platform',
    system: 'ml-platform',
    models: ['ml-platform-benchmarks-model', 'model-gateway-autoscaling-model'],
  },
];

/**
 * The services a project's main model (`<project>-model`) is deployed to: those whose
 * `ml-home.io/models` annotation names it; otherwise the owner team's services among the
 * project's related entities; otherwise the owner team's first service.
 */
export function demoServicesFor(
  modelName: string,
  team: string,
  relatedEntities: readonly string[],
): string[] {
  const named = DEMO_SERVICES.filter(s => s.models.includes(modelName));
  if (named.length) return named.map(s => s.name);
  const owned = DEMO_SERVICES.filter(s => s.owner === team);
  const related = owned.filter(s =>
    relatedEntities.includes(`component:default/${s.name}`),
  );
  if (related.length) return related.map(s => s.name);
  return owned.length ? [owned[0].name] : [];
}
