// Cockpit configuration of the Customer Lifecycle Orchestrator: Camunda's defaults plus our plugins.
export default {
  // The product's name in the header.
  app: {
    vendor: 'Customer Lifecycle Orchestrator',
    name: 'Cockpit'
  },
  customScripts: [
    // The Migration tab of a process definition: move running instances to a newer version.
    'scripts/migration-tab.js',
    // The KPI dashboard on the start page: the KPIs of a period per role and the coming weeks' work.
    'scripts/kpi-dashboard.js'
  ]
};
