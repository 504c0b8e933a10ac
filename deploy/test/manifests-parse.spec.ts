// Every YAML file of deploy/ parses, and every Kubernetes document says what it is.
import { loadYamlDocuments, yamlFiles } from './deploy-fixtures';

describe('YAML files of deploy/', () => {
  const files = [...yamlFiles('deploy/compose'), ...yamlFiles('deploy/k8s')];

  it('finds the Compose and Kubernetes files', () => {
    expect(files).toEqual(expect.arrayContaining(['deploy/compose/docker-compose.yml', 'deploy/k8s/kustomization.yaml', 'deploy/k8s/kafka-topics.yaml']));
  });

  it.each(files)('%s parses', (file) => {
    expect(loadYamlDocuments(file).length).toBeGreaterThan(0);
  });

  it.each(yamlFiles('deploy/k8s').filter((f) => !f.endsWith('kustomization.yaml')))('%s: every document has apiVersion, kind and a name', (file) => {
    for (const document of loadYamlDocuments<{ apiVersion?: string; kind?: string; metadata?: { name?: string } }>(file)) {
      expect(document.apiVersion).toBeTruthy();
      expect(document.kind).toBeTruthy();
      expect(document.metadata?.name).toBeTruthy();
    }
  });
});
