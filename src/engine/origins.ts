import type { Marker, ReferenceRule } from './signature';

/**
 * Who answered, when the refusal itself is generic: a 429 from api.github.com is GitHub's rate
 * limit, an "AccessDenied" XML from a MinIO server is MinIO's, nginx's own "403 Forbidden" page
 * is nginx's. Read only when no vendor signature acted; the category stays the one the status,
 * JSON fields or page words gave. Unlike a CDN in front (presence), the origin is the party that
 * refused, so it is named as the vendor.
 *
 * Markers identify the answering service only: its API host, a header only it sends, or the
 * footer of a server's built-in error page. A server header alone ("server: nginx") never names
 * the server: an application's JSON 403 behind nginx is the application's.
 */
export interface Origin {
  vendor: string;
  markers: readonly Marker[];
  /** The id its support asks for, when it sends one. */
  reference?: readonly ReferenceRule[];
}

const REQUEST_ID: ReferenceRule = { label: 'Request ID (x-request-id)', header: 'x-request-id' };

/** In order: the first origin whose marker matches is named. */
export const ORIGINS: readonly Origin[] = [
  {
    vendor: 'github',
    markers: [{ url: 'api.github.com' }, { header: 'x-github-request-id' }, { url: '//github.com/' }],
    reference: [{ label: 'GitHub request ID', header: 'x-github-request-id' }],
  },
  {
    vendor: 'gitlab',
    markers: [{ url: '//gitlab.com/' }, { header: 'gitlab-lb' }, { header: 'gitlab-sv' }, { header: 'x-gitlab-meta' }],
    reference: [{ label: 'GitLab request ID', header: 'x-request-id' }],
  },
  {
    vendor: 'openai',
    markers: [{ url: 'api.openai.com' }, { header: 'openai-organization' }, { header: 'openai-processing-ms' }],
    reference: [{ label: 'OpenAI request ID', header: 'x-request-id' }],
  },
  {
    vendor: 'anthropic',
    markers: [{ url: 'api.anthropic.com' }, { header: 'anthropic-organization-id' }],
    reference: [
      { label: 'Anthropic request ID', header: 'request-id' },
      { label: 'Anthropic request ID', after: '"request_id":"' },
      { label: 'Anthropic request ID', after: '"request_id": "' },
    ],
  },
  { vendor: 'yandex', markers: [{ url: '.yandex.ru/' }, { url: '.yandex.com/' }, { url: '//yandex.ru/' }] },
  { vendor: 'telegram', markers: [{ url: 'api.telegram.org' }] },
  { vendor: 'discord', markers: [{ url: '//discord.com/api' }, { url: 'discordapp.com/api' }, { header: 'x-ratelimit-global' }] },
  {
    vendor: 'slack',
    markers: [{ url: '//slack.com/api' }, { url: 'hooks.slack.com' }, { header: 'x-slack-req-id' }],
    reference: [{ label: 'Slack request ID', header: 'x-slack-req-id' }],
  },
  { vendor: 'stripe', markers: [{ url: 'api.stripe.com' }], reference: [{ label: 'Stripe request ID', header: 'request-id' }] },
  {
    vendor: 'docker-hub',
    markers: [{ url: 'registry-1.docker.io' }, { url: 'hub.docker.com' }, { header: 'docker-ratelimit-source' }],
  },
  {
    vendor: 'reddit',
    markers: [{ url: 'reddit.com/' }, { title: 'whoa there, pardner' }],
  },
  {
    vendor: 'azure-blob',
    markers: [{ url: '.blob.core.windows.net' }, { header: 'server', includes: 'windows-azure-blob' }],
    reference: [
      { label: 'Azure request ID', header: 'x-ms-request-id' },
      { label: 'Azure request ID', after: 'RequestId:' },
    ],
  },
  {
    vendor: 'azure',
    markers: [{ url: 'management.azure.com' }, { url: '.azure.com/' }, { header: 'x-ms-correlation-request-id' }],
    reference: [{ label: 'Azure request ID', header: 'x-ms-request-id' }, { label: 'Azure correlation ID', header: 'x-ms-correlation-request-id' }],
  },
  { vendor: 'google-cloud-storage', markers: [{ url: 'storage.googleapis.com' }, { url: 'storage.cloud.google.com' }] },
  {
    vendor: 'google-apis',
    markers: [{ url: 'googleapis.com/' }, { body: 'type.googleapis.com/' }, { body: '"domain": "usagelimits"' }, { body: '"domain":"usagelimits"' }],
  },
  {
    vendor: 'minio',
    markers: [{ header: 'server', includes: 'minio' }],
    reference: [{ label: 'MinIO request ID', header: 'x-amz-request-id' }, { label: 'MinIO request ID', after: '<RequestId>' }],
  },
  {
    vendor: 'aliyun-oss',
    markers: [{ header: 'server', includes: 'aliyunoss' }, { url: '.aliyuncs.com' }, { body: '.aliyuncs.com</hostid>' }],
    reference: [{ label: 'OSS request ID', header: 'x-oss-request-id' }, { label: 'OSS request ID', after: '<RequestId>' }],
  },
  {
    // Alibaba Cloud's CDN marks what it served with its EagleEye id.
    vendor: 'aliyun',
    markers: [{ header: 'eagleid' }, { header: 'eagleeye-traceid' }],
    reference: [{ label: 'Alibaba Cloud trace ID', header: 'eagleid' }, { label: 'Alibaba Cloud trace ID', header: 'eagleeye-traceid' }],
  },
  { vendor: 'backblaze-b2', markers: [{ url: 'backblazeb2.com' }] },
  {
    vendor: 'aws-s3',
    markers: [{ url: 's3.amazonaws.com' }, { url: '.s3.' }, { header: 'server', includes: 'amazons3' }, { header: 'x-amz-id-2' }],
    reference: [{ label: 'S3 request ID', header: 'x-amz-request-id' }, { label: 'S3 request ID', after: '<RequestId>' }],
  },
  { vendor: 'cloudflare-r2', markers: [{ url: '.r2.cloudflarestorage.com' }] },
  {
    vendor: 'amazon',
    markers: [{ url: 'sellingpartnerapi' }, { url: 'mws.amazonservices' }],
    reference: [{ label: 'Amazon request ID', header: 'x-amzn-requestid' }],
  },
  {
    vendor: 'aws',
    markers: [{ url: '.amazonaws.com' }, { header: 'x-amzn-requestid' }, { header: 'x-amzn-errortype' }],
    reference: [
      { label: 'AWS request ID', header: 'x-amzn-requestid' },
      { label: 'AWS request ID', header: 'x-amz-request-id' },
      { label: 'AWS request ID', after: '<RequestId>' },
    ],
  },
  { vendor: 'squid', markers: [{ body: 'squid software foundation' }, { header: 'server', includes: 'squid' }, { header: 'via', includes: '(squid' }] },
  { vendor: 'openresty', markers: [{ body: '<center>openresty' }, { body: 'openresty/1.' }] },
  { vendor: 'nginx', markers: [{ body: '<center>nginx' }, { body: 'nginx/1.' }] },
  { vendor: 'tomcat', markers: [{ body: 'apache tomcat' }] },
  { vendor: 'apache', markers: [{ body: '<address>apache' }, { body: 'apache/2.' }, { body: 'server unable to read htaccess file' }] },
  { vendor: 'litespeed', markers: [{ body: 'litespeed web server' }, { body: 'proudly powered by litespeed' }] },
  { vendor: 'jetty', markers: [{ body: 'powered by jetty' }, { body: 'bad message 431' }, { body: 'bad message 400' }] },
  { vendor: 'haproxy', markers: [{ body: 'request forbidden by administrative rules' }] },
];

export { REQUEST_ID };
